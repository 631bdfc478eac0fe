// Test support for importers: files from strings or bytes, and a one-call import.
import type { Deps } from '../actions/context.ts';
import { SYSTEM } from '../actions/context.ts';
import { importFiles, type ImportOptions, type ImportReport } from '../actions/imports.ts';
import type { InputFile } from './read.ts';

export function memoryFile(name: string, content: string | Uint8Array, chunkSize = 64 * 1024): InputFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

export function importStrings(deps: Deps, files: [string, string | Uint8Array][], options: ImportOptions = {}): Promise<ImportReport> {
  return importFiles(SYSTEM, files.map(([n, c]) => memoryFile(n, c)), options, deps);
}

export const ORGS = 'code,name,country,timezone,language,groups\nBSN,Badan Standardisasi Nasional,ID,Asia/Jakarta,id,ISO\nKOPI,Kopi Senja Nusantara,ID,Asia/Jakarta,id,\n';
export const ACCOUNTS = 'org,platform,handle,external_id,url,owned\nBSN,instagram,bsn_sni,,,true\nBSN,x,bsn_sni,,,true\nKOPI,facebook,kopisenjanusantara,,,false\nKOPI,instagram,kopisenja.id,,,false\nKOPI,youtube,kopisenja,,,false\nKOPI,x,kopisenja_id,,,false\nKOPI,tiktok,kopisenja.id,,,false\nKOPI,linkedin,kopi-senja,,,false\n';
