declare module 'virtual:curated-packages' {
  import type { CuratedSet } from './curated.ts'
  const curated: CuratedSet
  export default curated
}
