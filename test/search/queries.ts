/**
 * The relevance set: what a reader might type, and the sections they would accept as an
 * answer (section ids). Used by `npm run bench:search` and held to a floor by a test, on
 * two halves: `tuningSet` (every even entry), which boosts and tiers may be tuned on, and
 * `heldOutSet` (every odd entry), which tuning never looks at, so the floor measures
 * search rather than the tuning.
 */
const R = '2018-copenhagen-recap/'
const T = '2018-copenhagen-takeaways/'
const S = '2018-copenhagen-short-summary/'
const B = '2017-berlin-personal-report/'
const C = '2019-barcelona-takeaways/'

export interface RelevanceCase {
  query: string
  accept: string[]
}

export const relevanceSet: RelevanceCase[] = [
  // Project names, and typos of them
  { query: 'linkerd', accept: [R + 'evolving-systems-design-from-unreliable-rpc-to-resilience-with-linkerd', R + 'observability-and-the-depths-of-debugging-cloud-native-applications-using-linkerd-and-conduit'] },
  { query: 'linkrd', accept: [R + 'evolving-systems-design-from-unreliable-rpc-to-resilience-with-linkerd', R + 'observability-and-the-depths-of-debugging-cloud-native-applications-using-linkerd-and-conduit'] },
  { query: 'istio', accept: [S + 'service-mesh', R + 'day-2-keynotes', R + 'introduction'] },
  { query: 'prometheus', accept: [R + 'prometheus-monitoring-mixins-using-jsonnet-to-package-together-dashboards-alerts-and-exporters', R + 'evening-keynotes', R + 'day-2-keynotes', B + 'containerd', S + 'custom-controllers-and-operators'] },
  { query: 'promethues', accept: [R + 'prometheus-monitoring-mixins-using-jsonnet-to-package-together-dashboards-alerts-and-exporters', R + 'evening-keynotes', R + 'day-2-keynotes', B + 'containerd'] },
  { query: 'gvisor', accept: [S + 'security', R + 'day-2-keynotes', R + 'introduction'] },
  { query: 'containerd', accept: [B + 'containerd', B + 'keynote-wednesday', R + 'whats-up-with-all-the-different-container-runtimes'] },
  { query: 'helm', accept: [B + 'helm', B + 'keynote-wednesday'] },
  { query: 'jsonnet', accept: [R + 'prometheus-monitoring-mixins-using-jsonnet-to-package-together-dashboards-alerts-and-exporters'] },
  { query: 'ksonnet', accept: [R + 'prometheus-monitoring-mixins-using-jsonnet-to-package-together-dashboards-alerts-and-exporters'] },
  { query: 'kubeflow', accept: [R + 'day-3-keynotes'] },
  { query: 'brigade', accept: [R + 'building-event-driven-pipelines-with-brigade'] },
  { query: 'opentracing', accept: [C + 'monitoring-logging-tracing-and-metrics'] },
  { query: 'opa', accept: [C + 'security'] },
  { query: 'hyper', accept: [B + 'hyper'] },
  { query: 'tectonic', accept: [B + 'kubernetes-day-2-cluster-operations'] },
  { query: 'fargate', accept: [T + 'that-serverless-stuff-is-pretty-neat'] },
  { query: 'virtual kubelet', accept: [T + 'that-serverless-stuff-is-pretty-neat'] },
  { query: 'mesos', accept: [B + 'executive-summary'] },
  { query: 'openstack', accept: [R + 'openstack-sig-deep-dive', R + 'kubernetes-runs-anywhere-but-does-your-data', R + 'event-recap', C + 'conclusion'] },
  // Topics, phrases, plurals and synonyms
  { query: 'service mesh', accept: [S + 'service-mesh', R + 'evolving-systems-design-from-unreliable-rpc-to-resilience-with-linkerd', R + 'observability-and-the-depths-of-debugging-cloud-native-applications-using-linkerd-and-conduit'] },
  { query: 'service meshes', accept: [S + 'service-mesh', R + 'evolving-systems-design-from-unreliable-rpc-to-resilience-with-linkerd', R + 'observability-and-the-depths-of-debugging-cloud-native-applications-using-linkerd-and-conduit'] },
  { query: 'kata containers', accept: [S + 'security', R + 'whats-up-with-all-the-different-container-runtimes'] },
  { query: 'container runtimes', accept: [R + 'whats-up-with-all-the-different-container-runtimes', B + 'containerd', B + 'hyper'] },
  { query: 'helm charts', accept: [B + 'helm'] },
  { query: 'machine learning', accept: [T + 'kubernetes-for-data-plumbing-machine-learning-and-batch-processing', T + 'that-serverless-stuff-is-pretty-neat', R + 'day-3-keynotes'] },
  { query: 'serverless', accept: [T + 'that-serverless-stuff-is-pretty-neat', T + 'kubernetes-for-data-plumbing-machine-learning-and-batch-processing', R + 'serverless-wg-bof'] },
  { query: 'faas', accept: [T + 'that-serverless-stuff-is-pretty-neat', R + 'building-event-driven-pipelines-with-brigade', T + 'kubernetes-for-data-plumbing-machine-learning-and-batch-processing'] },
  { query: 'gitops', accept: [T + 'gitops', R + 'continuously-deliver-your-kubernetes-infrastructure'] },
  { query: 'pull requests', accept: [T + 'gitops', R + 'continuously-deliver-your-kubernetes-infrastructure'] },
  { query: 'custom controllers', accept: [S + 'custom-controllers-and-operators', T + 'deployment-pattern-custom-resources-and-custom-controllers'] },
  { query: 'operator sdk', accept: [S + 'custom-controllers-and-operators'] },
  { query: 'operator framework', accept: [R + 'day-2-keynotes'] },
  { query: 'multi-tenancy', accept: [R + 'multi-tenancy-in-kubernetes-best-practices-today-and-future-directions', T + 'security', B + 'executive-summary'] },
  { query: 'multitenancy', accept: [R + 'multi-tenancy-in-kubernetes-best-practices-today-and-future-directions', T + 'security'] },
  { query: 'rbac', accept: [R + 'multi-tenancy-in-kubernetes-best-practices-today-and-future-directions', B + 'keynote-wednesday', C + 'security'] },
  { query: 'network policies', accept: [C + 'security', R + 'multi-tenancy-in-kubernetes-best-practices-today-and-future-directions'] },
  { query: 'sre playbook', accept: [R + 'stories-from-the-playbook'] },
  { query: 'post mortem', accept: [R + 'evening-keynotes', R + 'stories-from-the-playbook'] },
  { query: 'postmortems', accept: [R + 'evening-keynotes', R + 'stories-from-the-playbook'] },
  { query: 'chaos engineering', accept: [R + 'evening-keynotes', R + 'introduction'] },
  { query: 'mttr', accept: [R + 'stories-from-the-playbook', R + 'managing-kubernetes-what-you-need-to-know-about-day-2'] },
  { query: 'federation', accept: [R + 'kubernetes-multi-cluster-operations-without-federation', B + 'keynote-thursday'] },
  { query: 'multi cluster', accept: [R + 'kubernetes-multi-cluster-operations-without-federation'] },
  { query: 'storage', accept: [R + 'kubernetes-runs-anywhere-but-does-your-data', B + 'the-expo'] },
  { query: 'csi', accept: [R + 'kubernetes-runs-anywhere-but-does-your-data'] },
  { query: 'monitoring logging tracing', accept: [C + 'monitoring-logging-tracing-and-metrics'] },
  { query: 'audit logs', accept: [T + 'security'] },
  { query: 'k8s 1.6', accept: [B + 'keynote-wednesday'] },
  { query: 'kubernetes 1.10', accept: [T + 'security'] },
  { query: 'production ready', accept: [R + 'what-does-production-ready-really-mean-for-a-kubernetes-cluster', C + 'managed-services'] },
  { query: 'managed services', accept: [C + 'managed-services'] },
  { query: 'war stories', accept: [C + 'war-stories'] },
  { query: 'cultural change', accept: [R + 'building-a-cloud-native-culture-in-an-enterprise', R + 'managing-kubernetes-what-you-need-to-know-about-day-2'] },
  { query: 'develop locally', accept: [T + 'most-people-shouldnt-develop-on-kubernetes'] },
  { query: 'workshop', accept: [R + 'kubernetes-101-diy-workshop'] },
  // People and organisations
  { query: 'kelsey hightower', accept: [B + 'keynote-thursday', S + 'general-impressions'] },
  { query: 'justin cormack', accept: [B + 'containerd'] },
  { query: 'brandon philips', accept: [B + 'kubernetes-day-2-cluster-operations', B + 'keynote-wednesday'] },
  { query: 'new york times', accept: [R + 'building-a-cloud-native-culture-in-an-enterprise'] },
  { query: 'zalando', accept: [R + 'continuously-deliver-your-kubernetes-infrastructure', S + 'other-interesting-stuff'] },
  { query: 'monzo', accept: [R + 'evening-keynotes'] },
]

export const tuningSet = relevanceSet.filter((_, i) => i % 2 === 0)
export const heldOutSet = relevanceSet.filter((_, i) => i % 2 === 1)
