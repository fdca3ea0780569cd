/**
 * The package CDN setting: where the page fetches packages outside the curated offline set (cdn.ts has the
 * URL layout). Its default comes from the build (`VITE_PACKAGE_CDN`, else unpkg), and so does the page's
 * Content-Security-Policy, which lets the page connect to that origin and its own (vite.config.ts).
 */
export const DEFAULT_PACKAGE_CDN: string = (import.meta.env?.VITE_PACKAGE_CDN as string | undefined) || 'https://unpkg.com'

/** The origins the built page may fetch packages from: its own, and the default CDN's (the page's CSP). */
export const ALLOWED_CDN_ORIGINS: readonly string[] = [new URL(DEFAULT_PACKAGE_CDN).origin]

/** Why a base URL cannot be the CDN, or null when it can. */
export function cdnUrlProblem(text: string, pageOrigin?: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'Not a URL: the CDN is like https://unpkg.com (files at <base>/<name>@<version>/<path>).'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The CDN is an http(s) URL.'
  if (url.search || url.hash) return 'The base URL has no query or fragment.'
  if (pageOrigin !== undefined && url.origin !== pageOrigin && !ALLOWED_CDN_ORIGINS.includes(url.origin)) {
    return `This build's Content-Security-Policy lets the page fetch only from ${[pageOrigin, ...ALLOWED_CDN_ORIGINS].join(' and ')}: build with VITE_PACKAGE_CDN=${url.origin} to use this CDN.`
  }
  return null
}
