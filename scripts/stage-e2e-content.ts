/** `npm run content:e2e`: stages content/ + e2e/content/ for the e2e build (e2e/content-root.ts). */
import path from 'node:path'
import { stageE2eContent } from '../e2e/content-root'

console.log(`e2e content staged in ${stageE2eContent(path.resolve(import.meta.dirname, '..'))}`)
