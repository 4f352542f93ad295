/**
 * The layers of the service, enforced by `npm run lint` (dependency-cruiser).
 * Dependencies point one way: text -> articles -> search core -> ingest / engines -> http -> app -> server;
 * indexer/ (the CLI) sits on top of src/ and nothing in src/ reaches back into it.
 * See docs/architecture.md for the picture.
 */
const SRC_TOP = '^src/(app|server)\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules are one; merge them or move the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-cli-or-dev-code',
      severity: 'error',
      comment: 'The service never depends on its CLI, tests, benchmarks or scripts.',
      from: { path: '^src/' },
      to: { path: '^(indexer|tests|bench|scripts)/' },
    },
    {
      name: 'indexer-not-to-dev-code',
      severity: 'error',
      from: { path: '^indexer/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'text-and-articles-are-leaves',
      severity: 'error',
      comment: 'Text rules and the article model know nothing of search, ingestion or HTTP.',
      from: { path: '^src/(text|articles)/' },
      to: { path: ['^src/(search|ingest|http|metrics|web|api)/', SRC_TOP, '^src/config\\.ts$'] },
    },
    {
      name: 'search-core-below-adapters-and-http',
      severity: 'error',
      comment: 'The search core (schemas, port, query language, suggestion rules) is shared by both adapters.',
      from: { path: '^src/search/', pathNot: '^src/search/engines/' },
      to: { path: ['^src/search/engines/', '^src/(ingest|http|metrics|web)/', SRC_TOP] },
    },
    {
      name: 'adapters-apart',
      severity: 'error',
      comment: 'Logic both engines need lives in the search core, not in the other adapter.',
      from: { path: '^src/search/engines/(sqlite|meilisearch)/' },
      to: { path: '^src/search/engines/', pathNot: '^src/search/engines/$1/' },
    },
    {
      name: 'adapters-below-http',
      severity: 'error',
      from: { path: '^src/search/engines/' },
      to: { path: ['^src/(ingest|http|metrics|web)/', SRC_TOP] },
    },
    {
      name: 'better-sqlite3-only-in-its-adapter',
      severity: 'error',
      from: { path: '^(src|indexer)/', pathNot: '^src/search/engines/sqlite/' },
      to: { dependencyTypes: ['npm'], path: 'better-sqlite3' },
    },
    {
      name: 'meilisearch-client-only-in-its-adapter',
      severity: 'error',
      from: { path: '^(src|indexer)/', pathNot: '^src/search/engines/meilisearch/' },
      to: { dependencyTypes: ['npm'], path: '(^|/)meilisearch(/|$)' },
    },
    {
      name: 'ingest-uses-the-port-only',
      severity: 'error',
      comment: 'Ingestion writes through the ArticleIndex port; it never picks or knows an adapter.',
      from: { path: '^src/ingest/' },
      to: { path: ['^src/search/engines/', '^src/(http|metrics|web)/', SRC_TOP] },
    },
    {
      name: 'http-uses-the-port-only',
      severity: 'error',
      comment: 'Routes see engines only through the ports; server.ts wires the adapter in.',
      from: { path: '^src/(http|metrics)/' },
      to: { path: ['^src/search/engines/', '^src/web/', SRC_TOP] },
    },
    {
      name: 'web-page-sees-only-api-types',
      severity: 'error',
      comment: 'The reader page is browser code: it takes the API types from src/api/types.ts and nothing else.',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/web/', '^src/api/types\\.ts$'] },
    },
    {
      name: 'api-types-are-types',
      severity: 'error',
      comment: 'src/api/types.ts is imported by the browser bundle: type-only imports, no runtime code.',
      from: { path: '^src/(api|web)/' },
      to: { path: '^src/', pathNot: '^src/web/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
