import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import { isExternalLink } from '../../src-shared/links/external-links';
import { startStoreWorker, type StoreWorker } from '../workspace/store-worker-host';
import { electronNativeBinding } from './native-binding';
import { SafeStorageSecretStore } from './safe-storage-secret-store';

const here = dirname(fileURLToPath(import.meta.url));
let worker: StoreWorker | null = null;

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'CSM Workstation',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // No navigation away from the app and no new windows; links in notes go to the system browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(here, '../renderer/index.html'));
}

void app.whenReady().then(() => {
  // For http(s) loads (the dev server); file:// loads get the same policy from index.html's <meta>.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  // The store runs in a worker thread: main only carries messages, so a window never waits on SQLite.
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.resourcesPath);
  const store = startStoreWorker({
    workerFile: join(here, 'store-worker.js'),
    dataDir: process.env.CSM_DATA_DIR ?? app.getPath('userData'),
    ...(nativeBinding ? { nativeBinding } : {}),
    // safeStorage exists only in this process: the worker hands tokens here to be kept.
    secrets: new SafeStorageSecretStore((message) => console.log(message)),
    onProgress: (message) => console.log(message),
  });
  worker = store;
  store.onEvent((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`csm:event:${event.name}`, event.data);
  });
  ipcMain.handle('csm:invoke', (_event, operation: unknown, payload: unknown) => store.invoke(operation, payload));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

// On macOS the app outlives its last window and may open a new one, so the store closes on quit.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
let quitting = false;
app.on('will-quit', (event) => {
  if (quitting || !worker) return;
  // Let the worker finish the write in hand and close the store before the process ends.
  event.preventDefault();
  quitting = true;
  void worker.close().finally(() => app.quit());
});
