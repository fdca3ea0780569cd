/** The run result as JSON, for copying when a view of it fails: whole up to 5 MB, else its first 5 MB with a note. */
import type { RunResult } from '../../engine/types.ts'

const RAW_RESULT_LIMIT = 5_000_000

export function rawResultJson(result: RunResult, max = RAW_RESULT_LIMIT): string {
  let text: string
  try {
    text = JSON.stringify(result, null, 2)
  } catch (error) {
    return `The result could not be turned into JSON: ${(error as Error).message}`
  }
  if (text.length <= max) return text
  return `${text.slice(0, max)}\n… cut here: the result is ${text.length.toLocaleString('en-US')} characters of JSON, and these are the first ${max.toLocaleString('en-US')}. ` +
    'The CLI prints the whole of it: npx actions-playground run <exported flow file> --json'
}
