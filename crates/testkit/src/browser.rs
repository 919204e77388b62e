//! Headless Chromium driven over WebDriver (chromedriver), with axe-core injected into each
//! page. Filled in by the browser-test work.
