import { useDeleted, useNotice, useSaveProblem } from '../../store/hooks.ts'
import { lazyModule } from '../ui/lazyModule.ts'

/** The notice bar's code loads with the first notice, not with the page's first JavaScript. */
const noticeBar = lazyModule(() => import('./NoticeBar.tsx'))

function LoadedNoticeBar() {
  const module = noticeBar.use()
  return module ? <module.NoticeBar /> : null
}

export function Notices() {
  const notice = useNotice()
  const deleted = useDeleted()
  const saveProblem = useSaveProblem()
  return notice || deleted || saveProblem ? <LoadedNoticeBar /> : null
}
