import { notFound } from "next/navigation"

// With two root layouts (the shop's and the CMS's) an unknown address needs a page of the shop's to give its 404.
export default function Missing() {
  notFound()
}
