// graphql-hive/graphql-modules#2150 "Possible memory leak if context keep reference to a promise"
// (graphql-modules 2.0.0). graphql-modules tracks the operation's execution context with an async
// hook: every async resource created during an operation gets an entry in the module-level Map
// `executionContextStore` (asyncId → the operation's context picker), removed only by the hook's
// `destroy`, which V8 fires for a promise when the promise is garbage-collected. When the operation's
// context keeps a promise created during the operation (a DataLoader, a cached fetch), the Map keeps
// the picker, the picker the context, the context the promise: the promise is never collected, its
// entry never deleted, and every operation's context stays in the Map.
// Fixed in 2.1.0 (graphql-modules#2215): the operation's destroy() deletes the entries of the
// operation and of every async resource created from it.
// Here one action is one GraphQL operation (an operation controller, as a server integration
// creates per request) whose context keeps a promise of its request data; the operation is
// destroyed at the end, as the servers do.

/** @param {any} gm the package's namespace (CommonJS `index.js`) */
export async function setup(gm) {
  // Apps import the `reflect-metadata` shim for their decorators; its two readers are all
  // `Injectable()` needs here.
  Reflect.getOwnMetadata ??= () => undefined;
  Reflect.getMetadata ??= () => undefined;
  const { createApplication, createModule, gql, Injectable, Scope, CONTEXT, Inject } = gm;

  // An operation-scoped service, as a graphql-modules app declares with `@Injectable()`
  // (applying the decorator is what turns the execution-context hook on).
  class OrdersLoader {
    constructor(context) {
      this.context = context;
    }
    load() {
      return this.context.pending;
    }
  }
  Inject(CONTEXT)(OrdersLoader, undefined, 0);
  Injectable({ scope: Scope.Operation })(OrdersLoader);

  const orders = createModule({
    id: "orders",
    typeDefs: gql`
      type Query {
        orders: [String!]!
      }
    `,
    resolvers: { Query: { orders: (_root, _args, { injector }) => injector.get(OrdersLoader).load() } },
    providers: [OrdersLoader],
  });
  return { app: createApplication({ modules: [orders] }), operations: 0 };
}

export async function action(state, i) {
  const request = { id: i, body: { query: "{ orders }", variables: { page: i } }, headers: { "x-request-id": `req-${i}` } };
  const controller = state.app.createOperationController({ context: { request }, autoDestroy: false });
  // The request's data, fetched once per operation and kept on its context (what a DataLoader does).
  controller.context.pending = Promise.resolve([`order-${i}`]);
  await controller.context.pending;
  controller.destroy();
  state.operations++;
}
