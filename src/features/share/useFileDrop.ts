/** A flow file dropped anywhere on the page opens as a new playground. */
import { useEffect } from 'react'
import { useStoreApi } from '../../store/hooks.ts'

export function useFileDrop() {
  const store = useStoreApi()
  useEffect(() => {
    const isFile = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files')
    const over = (event: DragEvent) => { if (isFile(event)) event.preventDefault() }
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0]
      if (!isFile(event) || !file) return
      event.preventDefault()
      // Import (flowFiles.ts) loads with its first use, not with the page.
      void import('./flowFiles.ts').then((files) => files.importFlowFile(store, file))
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => { window.removeEventListener('dragover', over); window.removeEventListener('drop', drop) }
  }, [store])
}
