import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { downloadFile, postForm } from "../lib/files"
import { when } from "../lib/format"
import type { CertificateView } from "../../types/http"

export type Certificate = CertificateView | null

/** The piece's lab certificate in the variant widget: what is on file, download it, upload one (replacing it). */
export function CertificateSection({ variantId, tagCode, certificate }: { variantId: string; tagCode: string; certificate: Certificate }) {
  const client = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const [lab, setLab] = useState("")
  const [number, setNumber] = useState("")
  const [file, setFile] = useState<File | null>(null)
  const upload = useMutation({
    mutationFn: async () => {
      const form = new FormData()
      form.append("file", file!)
      if (lab.trim()) {
        form.append("lab", lab.trim())
      }
      if (number.trim()) {
        form.append("number", number.trim())
      }
      const { status, body } = await postForm<{ message?: string }>(`/admin/jewelry/variants/${variantId}/certificate`, form)
      if (status >= 400) {
        throw new Error(body.message ?? "The certificate was not stored")
      }
    },
    onSuccess: () => {
      toast.success("Certificate stored")
      setFile(null)
      setLab("")
      setNumber("")
      if (input.current) {
        input.current.value = ""
      }
      void client.invalidateQueries({ queryKey: ["jewelry-attributes", variantId] })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const download = useMutation({
    mutationFn: () => downloadFile(`/admin/jewelry/variants/${variantId}/certificate`, `certificate-${tagCode}`),
    onError: (e: Error) => toast.error(e.message),
  })
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Text size="small" leading="compact" weight="plus">Certificate</Text>
      {certificate ? (
        <div className="flex items-center justify-between gap-x-2">
          <div>
            <Text size="small">{[certificate.lab, certificate.number].filter(Boolean).join(" · ") || certificate.filename}</Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {certificate.filename} · {Math.ceil(certificate.size / 1024)} KB · {when(certificate.uploaded_at)}
            </Text>
          </div>
          <Button size="small" variant="secondary" isLoading={download.isPending} onClick={() => download.mutate()}>
            Download
          </Button>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">None on file.</Text>
      )}
      <form
        className="flex flex-col gap-y-2"
        onSubmit={(e) => {
          e.preventDefault()
          if (file) {
            upload.mutate()
          }
        }}
      >
        <div className="grid grid-cols-2 gap-x-2">
          <div>
            <Label size="xsmall" htmlFor={`cert-lab-${variantId}`}>Lab</Label>
            <Input id={`cert-lab-${variantId}`} size="small" placeholder="IGI" value={lab} onChange={(e) => setLab(e.target.value)} />
          </div>
          <div>
            <Label size="xsmall" htmlFor={`cert-no-${variantId}`}>Number</Label>
            <Input id={`cert-no-${variantId}`} size="small" placeholder="LG558812" value={number} onChange={(e) => setNumber(e.target.value)} />
          </div>
        </div>
        <input
          ref={input}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          className="text-ui-fg-subtle txt-compact-small"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Button type="submit" size="small" variant="secondary" disabled={!file} isLoading={upload.isPending}>
          {certificate ? "Replace certificate" : "Upload certificate"}
        </Button>
        <Text size="xsmall" className="text-ui-fg-subtle">PDF, JPEG or PNG; the buyer of the piece can download it from the shop.</Text>
      </form>
    </div>
  )
}
