import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { directFieldResolvers } from './graphql/direct-field-resolvers.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { CatalogResolver, TeamResolver, VillageResolver } from './modules/catalog/catalog.resolver.js';
import { ExportResolver } from './modules/export/export.resolver.js';
import { HealthResolver } from './modules/health/health.resolver.js';
import { HouseholdEventResolver, HouseholdResolver } from './modules/household/household.resolver.js';
import { FieldWorkSubscriptions } from './modules/field-work/field-work.subscriptions.js';
import { HouseholdSubscriptions } from './modules/household/household.subscriptions.js';
import { SocketResolver } from './modules/live/socket.resolver.js';
import { MilestoneResolver } from './modules/milestone/milestone.resolver.js';
import { MilestoneSubscriptions } from './modules/milestone/milestone.subscriptions.js';
import { AssignmentResolver } from './modules/assignment/assignment.resolver.js';
import { InspectionResolver } from './modules/inspection/inspection.resolver.js';
import { ProgressResolver } from './modules/progress/progress.resolver.js';
import { ProgressSubscriptions } from './modules/progress/progress.subscriptions.js';
import { ResettlementResolver } from './modules/resettlement/resettlement.resolver.js';
import { RosterResolver } from './modules/roster/roster.resolver.js';
import { WorkflowResolver } from './modules/workflow/workflow.resolver.js';
import { ApiKeyResolver } from './modules/apikey/apikey.resolver.js';
import { PlanResolver } from './modules/plan/plan.resolver.js';
import { SummaryResolver } from './modules/summary/summary.resolver.js';
import { SummarySubscriptions } from './modules/summary/summary.subscriptions.js';
import { ReportResolver } from './modules/report/report.resolver.js';
import { HouseholdVisitsResolver, VisitResolver } from './modules/visit/visit.resolver.js';
import {
  DisputeResolver,
  HouseholdDisputesResolver,
  TeamDisputesResolver,
} from './modules/dispute/dispute.resolver.js';
import { EscalationResolver } from './modules/escalation/escalation.resolver.js';
import {
  CadreRecordResolver,
  CadreResolver,
  ReserveNominationResolver,
} from './modules/cadre-record/cadre-record.resolver.js';

export const resolvers = [
  HealthResolver,
  AuthResolver,
  CatalogResolver,
  VillageResolver,
  TeamResolver,
  HouseholdResolver,
  HouseholdEventResolver,
  HouseholdSubscriptions,
  FieldWorkSubscriptions,
  SummarySubscriptions,
  ProgressResolver,
  ProgressSubscriptions,
  MilestoneResolver,
  MilestoneSubscriptions,
  SocketResolver,
  RosterResolver,
  AssignmentResolver,
  InspectionResolver,
  ResettlementResolver,
  WorkflowResolver,
  AuditResolver,
  ApiKeyResolver,
  PlanResolver,
  SummaryResolver,
  ReportResolver,
  ExportResolver,
  VisitResolver,
  HouseholdVisitsResolver,
  DisputeResolver,
  HouseholdDisputesResolver,
  TeamDisputesResolver,
  EscalationResolver,
  CadreRecordResolver,
  CadreResolver,
  ReserveNominationResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    // Live events come from the gateway's own event hub; this in-process pub/sub only satisfies type-graphql.
    pubSub: createPubSub(),
  });
  directFieldResolvers(schema, resolvers);
  return schema;
}
