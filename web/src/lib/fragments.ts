import { graphql } from '../gql';

// What each view needs of a type. New fields are added here and in the component that shows them,
// nowhere else.

export const DeploySummary = graphql(`
  fragment DeploySummary on Deploy {
    id
    number
    status
    trigger
    commitSha
    commitMessage
    error
    permalink
    filesPrunedAt
    context
    branch
    pullRequest
    url
    sourceDeploy {
      id
      number
    }
    createdAt
    startedAt
    finishedAt
  }
`);

export const SiteSummary = graphql(`
  fragment SiteSummary on Site {
    id
    team {
      id
    }
    slug
    name
    status
    url
    localUrl
    sourceType
    createdAt
    updatedAt
    deploys(first: 1) {
      id
      number
      status
      createdAt
    }
  }
`);

export const SiteDetail = graphql(`
  fragment SiteDetail on Site {
    id
    team {
      id
      viewerRole
    }
    slug
    name
    status
    url
    localUrl
    sourceType
    gitUrl
    branch
    buildCommand
    outputDir
    spa
    autoDeploy
    branchDeploys
    deployPreviews
    buildCache
    buildCacheBytes
    domains
    envVars {
      name
      value
      secret
    }
    gitAuth
    deployKey {
      publicKey
      fingerprint
      createdAt
    }
    createdAt
    updatedAt
    currentDeploy {
      id
    }
    deploys(first: 20) {
      ...DeploySummary
    }
    webhookUrl
    webhookSecret
    kind
    startCommand
    port
    healthCheckPath
    app {
      state
      restartCount
    }
    webhookDeliveries(first: 10) {
      ...WebhookDeliveryFields
    }
  }
`);

// Deliveries are immutable, and so is the number of the deploy one queued: a snapshot never goes stale.
export const WebhookDeliveryFields = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id
    deliveryId
    event
    outcome
    reason
    receivedAt
    deploy {
      id
      number
    }
  }
`);

export const LogLineFields = graphql(`
  fragment LogLineFields on LogLine {
    seq
    at
    stream
    text
  }
`);
