// Debian's Chromium as the page tests and the benchmark launch it (see toolchain.md): no sandbox
// as root, no GPU, and nothing that reaches for the closed network.
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
