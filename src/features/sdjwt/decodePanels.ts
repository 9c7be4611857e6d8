// The SD-JWT panels of the Decode view, in one module so the page fetches them as one chunk when an SD-JWT is pasted.
export { SdJwtDecoded } from './SdJwtDecoded';
export { SdJwtKeyExtras } from './SdJwtKeyExtras';
export { SdJwtVerdicts } from './SdJwtVerdicts';
