/** Presenter mode on the page: the `presenter` class on <html> (index.css enlarges the type, monacoTheme.ts the editors'). */
import { useEffect } from 'react'
import { usePresenter } from '../../store/hooks.ts'

export function usePresenterClass() {
  const presenter = usePresenter()
  useEffect(() => { document.documentElement.classList.toggle('presenter', presenter) }, [presenter])
}
