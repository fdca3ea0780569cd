/** The npm ports of Node's modules that the shims bundle (no type declarations of their own). */
declare module 'events/events.js' {
  import { EventEmitter } from 'node:events'
  export = EventEmitter
}
declare module 'stream-browserify' {
  import * as stream from 'node:stream'
  export = stream
}
declare module 'string_decoder/lib/string_decoder.js' {
  export { StringDecoder } from 'node:string_decoder'
}
declare module 'path-browserify' {
  import { posix } from 'node:path'
  export = posix
}
