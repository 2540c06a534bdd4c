export default function NotFound() {
  return (
    <>
      <h1>We could not find that page</h1>
      <p>
        It may have been sold or moved. <a href="/products">See all jewellery</a>.
      </p>
    </>
  )
}
