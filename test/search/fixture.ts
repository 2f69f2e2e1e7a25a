/**
 * A small content folder whose right answers are known by construction: an operator talk
 * next to one about operations, a custom controller next to customers and control loops,
 * an introduction that lists buzzwords next to a talk about Istio, and service mesh talks
 * in two years and cities.
 */
import type { Site } from '../../src/link/graph.ts'
import { readSite } from '../../src/pipeline.ts'
// The search fixture's reports use the shipped data files (topics, projects, KubeCon conferences) as their vocabulary.
import { makeContent, realContent, report } from '../helpers.ts'

export const fixtureReports: Record<string, string> = {
  'reports/2019-fixture.md': report(
    `title: Fixture report 2019\nconference: kubecon-eu-2019\nsummary: Fixture.`,
    `
## Introduction

Buzzwords everywhere this year: Kubernetes, Istio, Linkerd, Prometheus, Envoy, Helm, Jaeger and many more.

## The operator pattern {.talk speakers="Ada Quill"}

An operator watches custom resources and acts as a human would. Writing operators takes care.

## Day two operations {.talk speakers="Bob Stone"}

Operations teams explained how operations at scale differ, and why the operational burden grows.

## Writing a custom controller {.talk speakers="Cy Lane"}

A custom controller reconciles state. Such controllers watch the API server.

## Customer stories {.talk}

Customers shared stories about their control planes and control loops. Help was offered.

## Istio in production {.talk speakers="Dee Mesh"}

Istio gives mutual TLS between services; the Istio sidecar proxies traffic and Istio policies decide.

## Monitoring with Prometheus {.talk}

Prometheus scrapes metrics, and alerting rules live next to Prometheus recording rules.

## Service mesh adoption {.talk}

The service mesh moved retries and timeouts out of the application.

## Knots one

One mesh here.

## Knots two

Two meshes there.

## Knots three

A meshwork elsewhere.
`,
  ),
  'reports/2018-fixture.md': report(
    `title: Fixture report 2018\nconference: kubecon-eu-2018\nsummary: Fixture.`,
    `
## Service mesh basics {.talk}

A service mesh handles retries for every service.

## Prometheus at scale {.talk speakers="Ada Quill"}

Prometheus federation for many clusters.
`,
  ),
}

export async function fixtureSite(): Promise<Site> {
  return (await readSite(await makeContent(fixtureReports, false, realContent))).site
}
