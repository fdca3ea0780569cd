import { explain } from '../../triggers/explanations.ts'

/** Text with `code` spans, as the explanations write them. */
export function CodeText({ text }: { text: string }) {
  return text.split('`').map((part, index) => (index % 2 ? <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">{part}</code> : part))
}

/** What Auth0 does with a call or an engine step, and the documentation page that says so. */
export function Explained({ trigger, call }: { trigger: string; call: string }) {
  const explanation = explain(trigger, call)
  if (!explanation) return null
  return (
    <p data-testid="walk-explanation" className="walk-explanation text-slate-700 dark:text-slate-300">
      <CodeText text={explanation.text} />{' '}
      <a href={explanation.docs} target="_blank" rel="noreferrer noopener" className="whitespace-nowrap text-sky-700 underline dark:text-sky-400">Auth0 docs ↗</a>
    </p>
  )
}
