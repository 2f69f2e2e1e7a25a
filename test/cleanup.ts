/**
 * Runs in every test file: once its tests and their own hooks are done (after-hooks run in
 * reverse order, so this one runs last), the temporary folders it made are removed, and a
 * run leaves nothing behind in the system's temp folder.
 */
import { afterAll } from 'vitest'
import { removeTempDirs } from './helpers.ts'

afterAll(removeTempDirs)
