/** A labelled drop-down of a GET form: the catalogue's filters, the home page's branch. */
export function Choice({ label, name, value, options }: { label: string; name: string; value: string | number | undefined; options: { value: string | number; label: string }[] }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        {options.map((o) => (
          <option key={`${o.value}`} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
