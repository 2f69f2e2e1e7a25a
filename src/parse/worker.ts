/**
 * A parse worker (see workers.ts): parses and tags the reports it is sent, one at a time,
 * and answers each with the result or the failure, in the same words as a sequential parse.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { ParseFailure, prepareReport, type FromWorker, type ParseContext, type ToWorker } from './workers.ts'

const context = workerData as ParseContext
const port = parentPort!

port.on('message', ({ index, report }: ToWorker) => {
  let answer: FromWorker
  try {
    answer = { index, result: prepareReport(report, context) }
  } catch (error) {
    const failure = error instanceof ParseFailure ? error : new ParseFailure(report.file, String(error))
    answer = { index, failure: { file: failure.file, message: failure.detail } }
  }
  port.postMessage(answer)
})
