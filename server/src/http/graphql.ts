import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createFetch } from '@whatwg-node/fetch';
import type { ExecutionArgs, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type Plugin } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Principal } from '../domain/principal.js';
import type { Context } from '../schema/context.js';
import { maskError, unauthenticated } from './errors.js';
import { type PrincipalResolver, principalResolver } from './principal.js';

/** The CSRF-prevention header multipart uploads must carry (any value); see README. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  adminToken: string;
  /** A fresh context for one operation of `principal`, reading and writing through its own `em`. */
  context: (principal: Principal | null) => Omit<Context, 'disconnect'>;
  maxUploadBytes: number;
  /** Routes other than /graphql (health, webhooks, the dashboard). Return false to fall through to 404. */
  routes: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

/**
 * Every operation, HTTP or WebSocket, needs a principal: the API drives Docker, so even reading it is
 * privileged. What each principal may do is then declared on the fields (schema/auth.ts).
 */
function useRequirePrincipal(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!args.contextValue.principal) setResultAndStopExecution({ errors: [unauthenticated()] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (!args.contextValue.principal) setResultAndStopExecution({ errors: [unauthenticated()] });
    },
  };
}

/** What graphql-ws keeps per connection: the principal resolved once, at connection_init. */
interface ConnectionExtra {
  principal?: Principal | null;
}

/**
 * One HTTP server: graphql-yoga at /graphql (GraphiQL on GET), graphql-ws on the same port and path, and
 * the few other routes.
 */
export function createGraphQLServer(opts: GraphQLServerOptions): {
  server: Server;
  close: () => Promise<void>;
} {
  const resolvePrincipal: PrincipalResolver = principalResolver(opts.adminToken);
  const yoga = createYoga<
    {
      req?: IncomingMessage;
      connectionParams?: Record<string, unknown>;
      socket?: WebSocket;
      /** Set for graphql-ws operations: their connection's principal. */
      principal?: Principal | null;
    },
    Context
  >({
    schema: opts.schema,
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Launchpad GraphQL', subscriptionsProtocol: 'WS' },
    landingPage: false,
    maskedErrors: { maskError },
    logging: false,
    // Uploads sit in memory while yoga parses the request: bound them (413 beyond).
    fetchAPI: createFetch({
      formDataLimits: { fileSize: opts.maxUploadBytes, files: 1, fieldSize: 1024 * 1024, fields: 16 },
    }),
    plugins: [useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }), useRequirePrincipal()],
    // Once per HTTP request; a graphql-ws operation brings its connection's principal along.
    context: async ({ request, principal, socket }) => ({
      ...opts.context(
        principal !== undefined
          ? principal
          : await resolvePrincipal({ authorization: request?.headers.get('authorization') }),
      ),
      ...(socket ? { disconnect: (reason: string) => closeSlowSocket(socket, reason) } : {}),
    }),
  });

  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/graphql') return void (await yoga.requestListener(req, res));
      if (await opts.routes(req, res)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    } catch (err) {
      console.error('request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal"}');
    }
  });

  const wss = new WebSocketServer({ server, path: '/graphql' });
  const wsServer = useServer(
    {
      // The enveloped execute/subscribe travel in rootValue (yoga's graphql-ws recipe).
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      // The connection is accepted either way; its operations without a principal answer UNAUTHENTICATED.
      onConnect: async (ctx) => {
        (ctx.extra as ConnectionExtra).principal = await resolvePrincipal({
          authorization: ctx.connectionParams?.authorization,
        });
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
          principal: (ctx.extra as ConnectionExtra).principal ?? null,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        return args as never;
      },
    },
    wss,
  );

  return {
    server,
    close: async () => {
      await wsServer.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * Cuts off a client that does not read: a close frame with the reason (1013, "try again later"), then, if
 * the close cannot get through a full send buffer within a second, the TCP connection itself.
 */
function closeSlowSocket(socket: WebSocket, reason: string): void {
  socket.close(1013, reason.slice(0, 120));
  setTimeout(() => {
    if (socket.readyState !== socket.CLOSED) socket.terminate();
  }, 1000).unref();
}

type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
