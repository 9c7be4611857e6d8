// The SD-JWT panels of the Encode view, in one module so the Encode view fetches them as one chunk. The engine that
// issues and presents is loaded by the signer, only once an SD-JWT is asked for.
export { SdJwtHolderPanel } from './SdJwtHolderPanel';
export { SdJwtIssuePanel } from './SdJwtIssuePanel';
