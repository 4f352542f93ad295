import { createApiClient } from './api-client.js';
import { findPageElements } from './page-elements.js';
import { startSearchPage } from './search-page.js';

// Relative to the page, so the service also works behind a path prefix.
startSearchPage(findPageElements(), createApiClient(new URL('api/', document.baseURI)));
