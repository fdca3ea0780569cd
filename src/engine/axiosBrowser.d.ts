/** axios's browser build: plain JavaScript without Node's http, the same in the worker, the CLI's vm context and Vitest. */
declare module 'axios/dist/browser/axios.cjs' {
  import axios from 'axios'
  export default axios
}
