import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createFetch } from '@whatwg-node/fetch';
import { type ExecutionArgs, GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type Plugin } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { RequestSide } from '../accounts/sign-in.js';
import type { Principal } from '../domain/principal.js';
import type { Context } from '../schema/context.js';
import { isGraphiQLPage, isPublicOperation, mayReadAnonymous, refuseUnauthenticated } from './auth-gate.js';
import { JSON_BODY_BYTES, MULTIPART_OVERHEAD_BYTES, useRequestBodyLimits } from './body-limits.js';
import { useCompiledQueries } from './compiled-queries.js';
import { maskError, unauthenticated } from './errors.js';
import { useOperationLimits } from './limits.js';
import { useLogLineStream } from './log-stream.js';
import { type Credentials, type PrincipalResolver, sessionSecretOf } from './principal.js';
import { SOCKET_LIMITS, SocketGuard } from './ws-limits.js';
import { coalesceSends } from './ws-send.js';

/** The CSRF-prevention header multipart uploads must carry (any value); see README. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * The `operations` field of a multipart request. A JSON body stays capped at 1 MiB; a digest deploy's file
 * list for tens of thousands of files is larger, so clients send it as a multipart request (issue 15).
 */
export const MULTIPART_OPERATIONS_BYTES = 16 * 1024 * 1024;

/** Parts of one multipart request: uploadDeployFiles sends many files at once (issue 15); all count toward the body cap. */
export const MAX_FILES_PER_REQUEST = 1000;

export interface GraphQLServerOptions {
  schema: GraphQLSchema;
  /** Admin token, API tokens and sessions (http/principal.ts). */
  resolvePrincipal: PrincipalResolver;
  /** The configured public URL, for the Origin check of cookie-authenticated requests. */
  publicUrl: () => string | null;
  /** A fresh context for one operation of `principal`, reading and writing through its own `em`. */
  context: (principal: Principal | null, request: RequestSide) => Omit<Context, 'disconnect'>;
  maxUploadBytes: number;
  /** Routes other than /graphql (health, webhooks, the dashboard). Return false to fall through to 404. */
  routes: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

/**
 * Every operation, HTTP or WebSocket, needs a principal: the API drives Docker, so even reading it is
 * privileged. The exceptions are the mutations that make one (sign-up, sign-in; auth-gate.ts). What each
 * principal may do is then declared on the fields (schema/auth.ts) and checked per team by the services.
 */
function useRequirePrincipal(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!args.contextValue.principal && !isPublicOperation(args.document, args.operationName)) {
        setResultAndStopExecution({ errors: [unauthenticated()] });
      }
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (!args.contextValue.principal) setResultAndStopExecution({ errors: [unauthenticated()] });
    },
  };
}

/** What graphql-ws keeps per connection: its credentials, checked again at every operation. */
interface ConnectionExtra {
  credentials?: Credentials;
}

/** What the gate learnt of an HTTP request before yoga read its body. */
interface RequestAuth {
  principal: Principal | null;
  side: RequestSide;
}

/**
 * One HTTP server: graphql-yoga at /graphql (GraphiQL on GET), graphql-ws on the same port and path, and
 * the few other routes.
 */
export function createGraphQLServer(opts: GraphQLServerOptions): {
  server: Server;
  close: () => Promise<void>;
} {
  const { resolvePrincipal } = opts;
  /** HTTP requests' principals, resolved by the gate before yoga reads the body (yoga hands `req` to context). */
  const requestAuth = new WeakMap<IncomingMessage, RequestAuth>();
  const bodyLimits = {
    jsonBytes: JSON_BODY_BYTES,
    multipartBytes: opts.maxUploadBytes + MULTIPART_OPERATIONS_BYTES + MULTIPART_OVERHEAD_BYTES,
  };
  const yoga = createYoga<
    {
      req?: IncomingMessage;
      connectionParams?: Record<string, unknown>;
      socket?: WebSocket;
      /** Resolved before the body is read (HTTP) or at each graphql-ws operation. */
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
    // One origin (README): no CORS headers at all, so a preflight never reflects an origin.
    cors: false,
    // Replaced per kind of body by useRequestBodyLimits: yoga's one 25 MB cap refused larger uploads.
    maxRequestBodySize: false,
    // Uploads sit in memory while yoga parses the request: bound them (413 beyond).
    fetchAPI: createFetch({
      formDataLimits: {
        fileSize: opts.maxUploadBytes,
        files: MAX_FILES_PER_REQUEST,
        fieldSize: MULTIPART_OPERATIONS_BYTES,
        fields: 16,
      },
    }),
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      useRequestBodyLimits(bodyLimits),
      useRequirePrincipal(),
      ...useOperationLimits(),
      useCompiledQueries(),
      // Last: it replaces the subscribe of plain deployLog operations the plugins before it have admitted.
      useLogLineStream(),
    ],
    // The principal was resolved once, before anything of the request was parsed; only GraphiQL's page
    // (which runs nothing) arrives without one.
    context: ({ principal, req, socket }) => {
      if (socket) {
        const side = { ip: req?.socket.remoteAddress ?? null };
        return {
          ...opts.context(principal ?? null, side),
          disconnect: (reason: string) => closeSlowSocket(socket, reason),
        };
      }
      const auth = req ? requestAuth.get(req) : undefined;
      return opts.context(auth?.principal ?? null, auth?.side ?? { ip: null });
    },
  });

  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/graphql') {
        // Auth before parse: without a credential, nothing of the body is read, except a small JSON body
        // that may hold sign-up or sign-in (auth-gate.ts).
        const sessionSecret = sessionSecretOf(req, opts.publicUrl());
        const principal = await resolvePrincipal({ authorization: req.headers.authorization, sessionSecret });
        if (!principal && !isGraphiQLPage(req) && !mayReadAnonymous(req)) {
          return refuseUnauthenticated(req, res, bodyLimits.multipartBytes);
        }
        requestAuth.set(req, {
          principal,
          side: {
            ip: req.socket.remoteAddress ?? null,
            sessionSecret,
            // Written before yoga sends its answer: Node merges these headers into yoga's writeHead.
            setCookie: (value) => void res.appendHeader('set-cookie', value),
          },
        });
        return void (await yoga.requestListener(req, res));
      }
      if (await opts.routes(req, res)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    } catch (err) {
      console.error('request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"internal"}');
    }
  });

  const guard = new SocketGuard(SOCKET_LIMITS);
  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_LIMITS.maxMessageBytes });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? '/').split('?')[0] !== '/graphql') return void socket.destroy();
    guard.handleUpgrade(wss, req, socket, head);
  };
  server.on('upgrade', onUpgrade);
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => coalesceSends(ws, req.socket));
  const wsServer = useServer(
    {
      connectionInitWaitTimeout: SOCKET_LIMITS.initTimeoutMs,
      // The credentials its operations run with: checked now, and again at every operation, so a revoked
      // token or an ended session stops working on an open socket too.
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        const credentials: Credentials = {
          authorization: ctx.connectionParams?.authorization ?? request.headers.authorization,
          sessionSecret: sessionSecretOf(request, opts.publicUrl()),
        };
        (ctx.extra as ConnectionExtra).credentials = credentials;
        if (await resolvePrincipal(credentials)) guard.authenticated(socket);
        return true; // unauthenticated sockets are acknowledged; their operations answer UNAUTHENTICATED
      },
      // The enveloped execute/subscribe travel in rootValue (yoga's graphql-ws recipe).
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onSubscribe: async (ctx, _id, params) => {
        if (guard.refuseSubscription(ctx.extra.socket, Object.keys(ctx.subscriptions).length)) {
          return [
            new GraphQLError('Too many operations on one socket', { extensions: { code: 'BAD_USER_INPUT' } }),
          ];
        }
        // Auth before parse, as on HTTP.
        if (!guard.isAuthenticated(ctx.extra.socket)) return [unauthenticated()];
        const principal = await resolvePrincipal((ctx.extra as ConnectionExtra).credentials ?? {});
        if (!principal) return [unauthenticated()];
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
          principal,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (err) {
          return [maskError(err) as GraphQLError]; // a syntax error or the token limit: typed, socket kept
        }
        const errors = validate(schema, document);
        if (errors.length) return errors.map((e: GraphQLError) => maskError(e) as GraphQLError);
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        } as never;
      },
    },
    wss,
  );

  return {
    server,
    close: async () => {
      server.off('upgrade', onUpgrade);
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
