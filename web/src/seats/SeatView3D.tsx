// The view from a chosen seat towards the stage, in three.js: loaded only when a buyer opens it.
import { useEffect, useRef, useState } from 'react';
import * as THREE from 'three';
import type { SeatLayout } from './layout';

interface Props {
  layout: SeatLayout;
  seat: number;
  onClose: () => void;
}

const STATE_COLOURS: Record<string, number> = { F: 0x2e7d32, H: 0x9e9e9e, S: 0x424242, B: 0xbdbdbd };

/** Rows rise with their distance from the stage, as in a raked hall. */
function height(layout: SeatLayout, i: number, pitch: number): number {
  const distance = Math.hypot(layout.x[i] - layout.focus.x, layout.y[i] - layout.focus.y);
  return (distance / pitch) * 0.35 * pitch;
}

export default function SeatView3D({ layout, seat, onClose }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('Drawing the view…');
  const distance = Math.hypot(layout.x[seat] - layout.focus.x, layout.y[seat] - layout.focus.y);
  const pitch = layout.pitch();

  useEffect(() => {
    const element = mount.current!;
    const width = element.clientWidth || 640;
    const heightPx = element.clientHeight || 400;
    let renderer: THREE.WebGLRenderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch {
      setStatus('This browser cannot draw 3D (no WebGL).');
      return;
    }
    renderer.setSize(width, heightPx);
    renderer.domElement.setAttribute('aria-hidden', 'true');
    renderer.domElement.dataset.testid = 'seat-view-3d';
    element.appendChild(renderer.domElement);

    const scene = new THREE.Scene();
    scene.background = new THREE.Color(0x20242c);
    scene.add(new THREE.HemisphereLight(0xffffff, 0x444444, 2.2));
    const light = new THREE.DirectionalLight(0xffffff, 1.5);
    light.position.set(0, 10 * pitch, 0);
    scene.add(light);

    const stage = new THREE.Mesh(
      new THREE.BoxGeometry(pitch * 8, pitch * 1.2, pitch * 4),
      new THREE.MeshStandardMaterial({ color: 0xc62828 }),
    );
    stage.position.set(layout.focus.x, pitch * 0.6, layout.focus.y);
    scene.add(stage);
    const floor = new THREE.Mesh(
      new THREE.PlaneGeometry(layout.bounds.maxX - layout.bounds.minX + pitch * 20, layout.bounds.maxY - layout.bounds.minY + pitch * 20),
      new THREE.MeshStandardMaterial({ color: 0x3b3f47 }),
    );
    floor.rotation.x = -Math.PI / 2;
    floor.position.set((layout.bounds.minX + layout.bounds.maxX) / 2, 0, (layout.bounds.minY + layout.bounds.maxY) / 2);
    scene.add(floor);

    const seats = new THREE.InstancedMesh(
      new THREE.BoxGeometry(pitch * 0.7, pitch * 0.6, pitch * 0.7),
      new THREE.MeshStandardMaterial(),
      layout.count,
    );
    const matrix = new THREE.Matrix4();
    const colour = new THREE.Color();
    for (let i = 0; i < layout.count; i++) {
      matrix.makeTranslation(layout.x[i], height(layout, i, pitch) + pitch * 0.3, layout.y[i]);
      seats.setMatrixAt(i, matrix);
      seats.setColorAt(i, colour.setHex(i === seat ? 0xffd400 : STATE_COLOURS[layout.states[i]]));
    }
    scene.add(seats);

    const camera = new THREE.PerspectiveCamera(60, width / heightPx, pitch * 0.1, pitch * 2000);
    camera.position.set(layout.x[seat], height(layout, seat, pitch) + pitch * 1.2, layout.y[seat]);
    camera.lookAt(layout.focus.x, pitch, layout.focus.y);
    renderer.render(scene, camera);
    setStatus('');

    return () => {
      renderer.dispose();
      seats.geometry.dispose();
      element.removeChild(renderer.domElement);
    };
  }, [layout, seat, pitch]);

  return (
    <section className="seat-view-3d" aria-labelledby="view3d-title">
      <h3 id="view3d-title">View from seat {layout.ids[seat]}</h3>
      <p>
        Looking at the stage from {layout.describe(seat)}, about {Math.round(distance / pitch)} seat widths away. Your seat's
        neighbours are drawn in the colours of their state; grey seats are taken.
      </p>
      <div ref={mount} className="seat-view-3d-canvas" role="img" aria-label={`3D view from seat ${layout.ids[seat]} towards the stage`}>
        {status && <p>{status}</p>}
      </div>
      <button type="button" onClick={onClose}>Close the 3D view</button>
    </section>
  );
}
