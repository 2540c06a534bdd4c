"use client"

import { useEffect } from "react"

/** Registers public/sw.js (the offline page), where the browser has service workers. */
export function ServiceWorker() {
  useEffect(() => {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js").catch(() => undefined)
    }
  }, [])
  return null
}
