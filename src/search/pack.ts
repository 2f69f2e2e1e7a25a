/**
 * A compact form of lunr's serialized index. lunr's JSON repeats every document ref (long
 * "report/section" ids) in every posting and writes every field even when empty; packed,
 * refs are positions in the document list and empty fields are left out. `unpack` gives
 * back exactly what `index.toJSON()` gave, for `lunr.Index.load`.
 */

interface LunrJson {
  version: string
  fields: string[]
  fieldVectors: [string, number[]][]
  invertedIndex: [string, Record<string, unknown>][]
  pipeline: string[]
}

export interface PackedIndex {
  version: string
  fields: string[]
  pipeline: string[]
  refs: string[]
  /** [field number, doc number, vector] */
  vectors: [number, number, number[]][]
  /** [term, term index, …pairs of (field number, doc numbers)] */
  terms: (string | number | number[])[][]
}

export function pack(json: object, refs: string[]): PackedIndex {
  const index = json as LunrJson
  const refNumber = new Map(refs.map((r, i) => [r, i]))
  const fieldNumber = new Map(index.fields.map((f, i) => [f, i]))
  const vectors = index.fieldVectors.map(([fieldRef, vector]): [number, number, number[]] => {
    const slash = fieldRef.indexOf('/')
    return [fieldNumber.get(fieldRef.slice(0, slash))!, refNumber.get(fieldRef.slice(slash + 1))!, vector]
  })
  const terms = index.invertedIndex.map(([term, posting]) => {
    const row: (string | number | number[])[] = [term, posting._index as number]
    index.fields.forEach((field, f) => {
      const docs = Object.keys(posting[field] as object)
      if (docs.length) row.push(f, docs.map((d) => refNumber.get(d)!))
    })
    return row
  })
  return { version: index.version, fields: index.fields, pipeline: index.pipeline, refs, vectors, terms }
}

export function unpack(packed: PackedIndex): object {
  const { fields, refs } = packed
  const fieldVectors = packed.vectors.map(([f, d, vector]) => [`${fields[f]}/${refs[d]}`, vector])
  const invertedIndex = packed.terms.map((row) => {
    const posting: Record<string, unknown> = { _index: row[1] }
    for (const field of fields) posting[field] = {}
    for (let i = 2; i < row.length; i += 2) {
      const docs: Record<string, object> = {}
      for (const d of row[i + 1] as number[]) docs[refs[d]!] = {}
      posting[fields[row[i] as number]!] = docs
    }
    return [row[0], posting]
  })
  return { version: packed.version, fields, fieldVectors, invertedIndex, pipeline: packed.pipeline }
}
