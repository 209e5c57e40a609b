import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestParams, RequestResult, Requests } from '../../shared/protocol';

/** A request of shared/protocol.ts, typed by its name. */
export function request<M extends keyof Requests>(languageClient: LanguageClient, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return languageClient.sendRequest<RequestResult<M>>(method, params);
}
