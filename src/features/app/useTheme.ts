/** Light or dark: follows the system unless the user picked one; sets the `dark` class on <html>. */
import { useEffect } from 'react'
import { useThemeChoice } from '../../store/hooks.ts'

export function useTheme() {
  const theme = useThemeChoice()
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => document.documentElement.classList.toggle('dark', theme === 'dark' || (theme === 'system' && query.matches))
    apply()
    query.addEventListener('change', apply)
    return () => query.removeEventListener('change', apply)
  }, [theme])
}
