// Under the key box for a JWS in JSON serialization: the detached payload's box, when the token has none.
import { DetachedPayloadInput } from './DetachedPayloadInput';
import { useJwsJsonView } from './useJwsJson';

export function JwsJsonKeyExtras() {
  const { view } = useJwsJsonView();
  if (!view.ok || !view.decoded.detached) return null;
  return <DetachedPayloadInput unencoded={view.decoded.unencodedPayload} />;
}
