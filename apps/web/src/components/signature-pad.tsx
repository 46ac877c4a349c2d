import { Button, Group, Input, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const HEIGHT = 180;
const STROKE = 2.5;

interface Stroke {
  pointerId: number;
  x: number;
  y: number;
}

/**
 * A pad the client signs on with a mouse, a finger or a pen (pointer events, pen pressure thickens the line).
 * Each finished stroke reports the drawing as a PNG data URL (transparent background, dark ink); Clear reports null.
 */
export function SignaturePad({
  label,
  onChange,
  error,
}: {
  label: string;
  onChange: (pngDataUrl: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stroke = useRef<Stroke | null>(null);
  const ratio = useRef(1);
  const [signed, setSigned] = useState(false);
  const hintId = useId();

  // the backing store follows the displayed size and the screen's pixel ratio, so lines stay sharp
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    ratio.current = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round((canvas.clientWidth || 560) * ratio.current);
    canvas.height = Math.round(HEIGHT * ratio.current);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(ratio.current, ratio.current);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#1a1b1e';
    context.fillStyle = '#1a1b1e';
  }, []);

  // drawing units are the CSS pixels the pad had when it opened, even if the window was resized since
  const pointOf = (event: { clientX: number; clientY: number }) => {
    const canvas = canvasRef.current as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const scaleX = box.width > 0 ? canvas.width / ratio.current / box.width : 1;
    const scaleY = box.height > 0 ? canvas.height / ratio.current / box.height : 1;
    return { x: (event.clientX - box.left) * scaleX, y: (event.clientY - box.top) * scaleY };
  };
  const widthOf = (event: { pointerType: string; pressure: number }) =>
    event.pointerType === 'pen' && event.pressure > 0 ? STROKE * (0.5 + event.pressure) : STROKE;

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 || stroke.current) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    const { x, y } = pointOf(event);
    context.beginPath();
    context.arc(x, y, widthOf(event) / 2, 0, Math.PI * 2);
    context.fill();
    stroke.current = { pointerId: event.pointerId, x, y };
  };

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    // coalesced events keep a fast stroke smooth (several samples per frame)
    const samples = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const sample of samples.length > 0 ? samples : [event.nativeEvent]) {
      const { x, y } = pointOf(sample);
      context.lineWidth = widthOf(sample);
      context.beginPath();
      context.moveTo(current.x, current.y);
      context.lineTo(x, y);
      context.stroke();
      current.x = x;
      current.y = y;
    }
  };

  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!stroke.current || stroke.current.pointerId !== event.pointerId) return;
    stroke.current = null;
    setSigned(true);
    onChange(event.currentTarget.toDataURL('image/png'));
  };

  const clear = () => {
    const canvas = canvasRef.current;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    stroke.current = null;
    setSigned(false);
    onChange(null);
  };

  return (
    <Input.Wrapper label={label} labelElement="div" required error={error}>
      <Text id={hintId} size="xs" c="dimmed" mb={4}>
        {t('signature.hint')}
      </Text>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={signed ? t('signature.signedArea', { label }) : t('signature.emptyArea', { label })}
        aria-describedby={hintId}
        data-testid="signature-pad"
        data-signed={signed}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          display: 'block',
          width: '100%',
          height: HEIGHT,
          touchAction: 'none',
          cursor: 'crosshair',
          background: '#fff',
          border: `1px ${signed ? 'solid' : 'dashed'} var(--mantine-color-${error ? 'red-6' : 'gray-5'})`,
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      />
      <Group justify="flex-end" mt={4}>
        <Button variant="subtle" size="xs" leftSection={<IconEraser size={14} />} onClick={clear} disabled={!signed}>
          {t('signature.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
