import type { Metadata } from "next"
import { BANGLE_SIZES, bangleDiameterMm, RING_SIZES, ringCircumferenceMm, ringDiameterMm } from "../../lib/sizes"

export const metadata: Metadata = { title: "Ring and bangle size guide", description: "Find your Indian ring size and bangle size at home, with a thread or a ring that fits." }

export default function SizeGuide() {
  return (
    <>
      <h1>Ring and bangle size guide</h1>
      <section aria-labelledby="rings">
        <h2 id="rings">Rings</h2>
        <p>
          Wrap a thread or a strip of paper round the finger where the ring sits, mark where it meets, and measure its length in
          millimetres: that is the circumference. Or measure across the inside of a ring that fits you: that is the diameter.
          Measure at the end of the day, when fingers are largest.
        </p>
        <table className="breakdown sizes" aria-label="Indian ring sizes">
          <thead>
            <tr>
              <th scope="col">Indian size</th>
              <th scope="col">Inside diameter</th>
              <th scope="col">Circumference</th>
            </tr>
          </thead>
          <tbody>
            {RING_SIZES.map((size) => (
              <tr key={size}>
                <th scope="row">{size}</th>
                <td>{ringDiameterMm(size).toFixed(1)} mm</td>
                <td>{ringCircumferenceMm(size).toFixed(1)} mm</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="bangles">
        <h2 id="bangles">Bangles</h2>
        <p>
          Bring your thumb and little finger together as if slipping on a bangle, and measure across the widest part of the hand;
          or measure across the inside of a bangle that fits. Sizes are inches and sixteenths: 2.4 is 2 4⁄16 inches.
        </p>
        <table className="breakdown sizes" aria-label="Bangle sizes">
          <thead>
            <tr>
              <th scope="col">Bangle size</th>
              <th scope="col">Inside diameter</th>
            </tr>
          </thead>
          <tbody>
            {BANGLE_SIZES.map((size) => (
              <tr key={size}>
                <th scope="row">{size}</th>
                <td>{bangleDiameterMm(size)?.toFixed(1)} mm</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        Not sure? Ask at any of our branches: we will measure your finger or wrist.
      </p>
    </>
  )
}
