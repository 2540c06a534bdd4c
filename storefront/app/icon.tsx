import { ImageResponse } from "next/og"

// The shop's name is read when the app is served (npm start passes it), not when it is built.
export const dynamic = "force-dynamic"

/** The app's icons, drawn at build time: a gold disc with the shop's initial. */
export function generateImageMetadata() {
  return [
    { id: "192", size: { width: 192, height: 192 }, contentType: "image/png" },
    { id: "512", size: { width: 512, height: 512 }, contentType: "image/png" },
  ]
}

export default async function Icon({ id }: { id: Promise<string> | string }) {
  const side = Number(await id)
  const initial = (process.env.SHOP_NAME || "J").trim().charAt(0).toUpperCase()
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#8a5a00", color: "#fffdf9", fontSize: side * 0.55, fontWeight: 700 }}>
        {initial}
      </div>
    ),
    { width: side, height: side }
  )
}
