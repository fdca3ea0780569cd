/** The Node shims library's URL, relative to the page (vite.config.ts `nodeShims`). */
declare module 'virtual:node-shims-url' {
  const url: string
  export default url
}
