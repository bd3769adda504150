import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';
import { openApp, type OpenApp } from '../app/open-app';
import { electronNativeBinding } from './native-binding';

const here = dirname(fileURLToPath(import.meta.url));
let opened: OpenApp | null = null;

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
  // No navigation away from the app and no new windows; external links go to the OS browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(here, '../renderer/index.html'));
}

void app.whenReady().then(() => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  const dataDir = process.env.CSM_DATA_DIR ?? app.getPath('userData');
  opened = openApp({
    dataDir,
    nativeBinding: electronNativeBinding(app.getAppPath(), process.resourcesPath),
    seedDemoWhenEmpty: true,
    onProgress: (message) => console.log(message),
  });
  const dispatch = opened.dispatch;
  opened.onDataChanged((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('csm:event:data.changed', event);
  });
  ipcMain.handle('csm:invoke', (_event, operation: unknown, payload: unknown) => dispatch(operation, payload));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

// On macOS the app outlives its last window and may open a new one, so the store closes on quit.
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  opened?.close();
  opened = null;
});
