const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. Example: `haversineKm(11.1085, 77.3411, 11.0168, 76.9558)` ≈ 43. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The closest of `places` to a point, with its distance; undefined when there are none. */
export function nearest<T extends { latitude: number; longitude: number }>(places: readonly T[], latitude: number, longitude: number): { place: T; km: number } | undefined {
  let best: { place: T; km: number } | undefined;
  for (const place of places) {
    const km = haversineKm(latitude, longitude, place.latitude, place.longitude);
    if (Number.isFinite(km) && (!best || km < best.km)) best = { place, km };
  }
  return best;
}
