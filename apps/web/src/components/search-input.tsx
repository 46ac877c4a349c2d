import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** Debounced search box; `/` focuses it (see use-global-hotkeys). */
export function SearchInput({
  label,
  value,
  onChange,
  delay = 300,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  delay?: number;
}) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback(onChange, delay);
  useEffect(() => setText(value), [value]);

  return (
    <TextInput
      aria-label={label}
      placeholder={`${label}  ( / )`}
      leftSection={<IconSearch size={16} />}
      value={text}
      data-search-box
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      w={280}
    />
  );
}
