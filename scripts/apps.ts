/** The six apps the start script brings up, with the URL that proves each one really answers. */
export const apps = [
  { name: "client", label: "Client (agents' inbox)", url: "http://localhost:3000/", probe: "http://localhost:3000/" },
  { name: "subscription", label: "Subscription portal", url: "http://localhost:3001/", probe: "http://localhost:3001/" },
  { name: "docs", label: "Docs", url: "http://localhost:3002/docs", probe: "http://localhost:3002/docs" },
  { name: "landing", label: "Landing site", url: "http://localhost:4321/", probe: "http://localhost:4321/" },
  { name: "server", label: "API server", url: "http://localhost:8787/health", probe: "http://localhost:8787/ready" },
  { name: "whatsapp-web-server", label: "WhatsApp service", url: "http://localhost:8788/ping", probe: "http://localhost:8788/ping" },
] as const;

export const appPorts = [3000, 3001, 3002, 4321, 8787, 8788] as const;
