/**
 * A zip's or a picked folder's files as the path → text map the importers take (`engine/deployImport.ts`). Only
 * what a flow or a Deploy CLI directory is made of is read: JSON and JavaScript files, outside node_modules and
 * hidden folders, within limits that keep a wrongly picked folder or a zip bomb from filling the page's memory.
 */
import type { Files } from '../../engine/deployImport.ts'

export const MAX_FILES = 2000
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024
const MAX_FILE_BYTES = 5 * 1024 * 1024

export class FileSetError extends Error {}

/** Whether a file at this path can be part of a flow or a Deploy CLI directory. */
export function wanted(path: string): boolean {
  const parts = path.split('/')
  if (parts.some((part) => part === 'node_modules' || part === '__MACOSX' || (part.startsWith('.') && part !== '.' && part !== '..'))) return false
  return /\.(json|js|cjs|mjs)$/i.test(path)
}

function checkTotals(count: number, bytes: number) {
  if (count > MAX_FILES) throw new FileSetError(`it has more than ${MAX_FILES} JSON and JavaScript files: pick the Deploy CLI directory or the flow's folder itself`)
  if (bytes > MAX_TOTAL_BYTES) throw new FileSetError(`its JSON and JavaScript files add up to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB: pick the Deploy CLI directory or the flow's folder itself`)
}

const decoder = new TextDecoder()

/** The files of a zip. */
export async function zipFiles(file: Blob): Promise<Files> {
  const { unzipSync } = await import('fflate')
  const bytes = new Uint8Array(await file.arrayBuffer())
  let count = 0
  let total = 0
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (!wanted(entry.name) || entry.originalSize > MAX_FILE_BYTES) return false
        count += 1
        total += entry.originalSize
        return true
      },
    })
  } catch (error) {
    throw new FileSetError(`it is not a zip file that can be read (${error instanceof Error ? error.message : String(error)})`)
  }
  checkTotals(count, total)
  return Object.fromEntries(Object.entries(entries).map(([path, data]) => [path, decoder.decode(data)]))
}

/** The files of a folder picked with `<input webkitdirectory>`, by their path from the picked folder (its name first). */
export async function folderFiles(list: ArrayLike<File>): Promise<Files> {
  const chosen = Array.from(list).filter((file) => wanted(file.webkitRelativePath || file.name) && file.size <= MAX_FILE_BYTES)
  checkTotals(chosen.length, chosen.reduce((sum, file) => sum + file.size, 0))
  const texts = await Promise.all(chosen.map((file) => file.text()))
  return Object.fromEntries(chosen.map((file, index) => [file.webkitRelativePath || file.name, texts[index]]))
}
