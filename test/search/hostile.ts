/** Fifty inputs a search box must survive: lunr syntax, markup, very long strings, emoji, other scripts. */
export const hostileInputs: string[] = [
  'foo:', '~', '^', '-', '+', '*', 'title:', 'title:istio', 'body:', ':', '::', 'a:b:c', 'istio~', 'istio~2', 'istio^10',
  '-istio', '+istio', '+-', 'istio*', '*istio', '**', '"unclosed', "'", '\\', '\\\\', '()', '[]', '{}', '{.talk}',
  '<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned=1">', '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1', '&lt;b&gt;bold&lt;/b&gt;', '<b>bold</b>', '%3Cscript%3E', '${7*7}', '{{constructor.constructor("return 1")()}}',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'a'.repeat(10_000), 'service mesh '.repeat(400), '🚀🔥 kubernetes 🎉', '👩🏽‍💻', 'Кубернетес безопасность', '服务网格', 'مراقبة', '\u0000\u0001\u0002 null bytes',
]
