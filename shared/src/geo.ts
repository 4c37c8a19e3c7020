export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/*
 * Datums. Maps in China and WeChat's location APIs (getLocation with type gcj02, chooseLocation,
 * <map>) use GCJ-02; GPS and browsers report WGS-84. The two differ by a few hundred metres inside
 * China (nothing outside it), so everything this product stores — activity points, check-in
 * positions — is GCJ-02, and a browser's reading is converted before use. The conversion is the
 * public GCJ-02 formula (Krasovsky ellipsoid); it agrees with published reference points to
 * well under a metre.
 */
const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.006_693_421_622_965_943;

/** Outside the rough bounding box of China the datums coincide and no shift applies. */
export function isOutsideChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftDegrees({ lat, lng }: LatLng): LatLng {
  const x = lng - 105.0;
  const y = lat - 35.0;
  const common = ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + common;
  dLat += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + common;
  dLng += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  dLng += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - KRASOVSKY_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    lat: (dLat * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI),
    lng: (dLng * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

/** A GPS/browser (WGS-84) position in the GCJ-02 datum the product stores. */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (isOutsideChina(p)) return { lat: p.lat, lng: p.lng };
  const d = shiftDegrees(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/** The inverse, by fixed-point iteration (to ≈ 1 cm); for tests and map exports. */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (isOutsideChina(p)) return { lat: p.lat, lng: p.lng };
  let w = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const next = { lat: w.lat - (g.lat - p.lat), lng: w.lng - (g.lng - p.lng) };
    const moved = Math.max(Math.abs(next.lat - w.lat), Math.abs(next.lng - w.lng));
    w = next;
    if (moved < 1e-7) break;
  }
  return w;
}
