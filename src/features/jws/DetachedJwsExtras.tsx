// Under the key box for a compact JWS whose payload is detached (`header..signature`): the payload's box. The
// page's own JWS panels show the header and verdict; the verification runner checks the signature over this.
import { selectDecode, useAppState } from '../../state';
import { DetachedPayloadInput } from './DetachedPayloadInput';

export function DetachedJwsExtras() {
  const unencoded = useAppState((s) => {
    const outcome = selectDecode(s.tokenText);
    return outcome.ok && outcome.decoded.unencodedPayload === true;
  });
  return <DetachedPayloadInput unencoded={unencoded} />;
}
