// The view from a chosen seat towards the stage, in three.js: loaded only when a buyer opens it.
import { useEffect, useRef, useState } from 'react';
import * as THREE from 'three';
import type { SeatLayout } from './layout';
import { CATEGORY_COLOURS } from './paint';

interface Props {
  layout: SeatLayout;
  seat: number;
  onClose: () => void;
}

const TAKEN_COLOURS: Record<string, number> = { H: 0x9e9e9e, S: 0x424242, B: 0xbdbdbd };

function distanceOf(layout: SeatLayout, i: number): number {
  return Math.hypot(layout.x[i] - layout.focus.x, layout.y[i] - layout.focus.y);
}

/** Rows rise behind the front row, as in a raked hall. */
function height(layout: SeatLayout, i: number, front: number): number {
  return (distanceOf(layout, i) - front) * 0.3;
}

export default function SeatView3D({ layout, seat, onClose }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('Drawing the view…');
  const distance = distanceOf(layout, seat);
  const pitch = layout.pitch();

  useEffect(() => {
    const element = mount.current!;
    const width = element.clientWidth || 640;
    const heightPx = element.clientHeight || 400;
    let renderer: THREE.WebGLRenderer;
    try {
      // preserveDrawingBuffer: the picture can be read back (tests, screenshots); no antialias: software GL is slow.
      renderer = new THREE.WebGLRenderer({ antialias: false, preserveDrawingBuffer: true });
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

    let front = Infinity;
    for (let i = 0; i < layout.count; i++) {
      front = Math.min(front, distanceOf(layout, i));
    }
    const stageWidth = Math.max(pitch * 8, front * 0.5);
    const stageHeight = Math.max(pitch * 1.5, stageWidth * 0.06);
    const stage = new THREE.Mesh(
      new THREE.BoxGeometry(stageWidth, stageHeight, stageWidth / 2),
      new THREE.MeshLambertMaterial({ color: 0xc62828 }),
    );
    stage.position.set(layout.focus.x, stageHeight / 2, layout.focus.y);
    scene.add(stage);
    const floor = new THREE.Mesh(
      new THREE.PlaneGeometry(layout.bounds.maxX - layout.bounds.minX + pitch * 20, layout.bounds.maxY - layout.bounds.minY + pitch * 20),
      new THREE.MeshLambertMaterial({ color: 0x3b3f47 }),
    );
    floor.rotation.x = -Math.PI / 2;
    floor.position.set((layout.bounds.minX + layout.bounds.maxX) / 2, 0, (layout.bounds.minY + layout.bounds.maxY) / 2);
    scene.add(floor);

    const seats = new THREE.InstancedMesh(
      new THREE.BoxGeometry(pitch * 0.7, pitch * 0.6, pitch * 0.7),
      new THREE.MeshLambertMaterial(),
      layout.count,
    );
    const matrix = new THREE.Matrix4();
    const colour = new THREE.Color();
    for (let i = 0; i < layout.count; i++) {
      matrix.makeTranslation(layout.x[i], height(layout, i, front) + pitch * 0.3, layout.y[i]);
      seats.setMatrixAt(i, matrix);
      const free = CATEGORY_COLOURS[layout.rows[layout.rowOf[i]].category % CATEGORY_COLOURS.length];
      if (i === seat) {
        colour.setHex(0xffd400);
      } else if (layout.states[i] === 'F') {
        colour.set(free);
      } else {
        colour.setHex(TAKEN_COLOURS[layout.states[i]]);
      }
      seats.setColorAt(i, colour);
    }
    scene.add(seats);

    const camera = new THREE.PerspectiveCamera(60, width / heightPx, pitch * 0.1, pitch * 2000);
    camera.position.set(layout.x[seat], height(layout, seat, front) + pitch * 1.2, layout.y[seat]);
    camera.lookAt(layout.focus.x, pitch, layout.focus.y);
    // Drawn after the next frame, so that "Drawing the view…" shows while a software renderer works.
    const frame = requestAnimationFrame(() => {
      renderer.render(scene, camera);
      setStatus('');
    });

    return () => {
      cancelAnimationFrame(frame);
      renderer.dispose();
      seats.geometry.dispose();
      element.removeChild(renderer.domElement);
    };
  }, [layout, seat, pitch]);

  return (
    <section className="seat-view-3d" aria-labelledby="view3d-title">
      <h3 id="view3d-title">View from seat {layout.ids[seat]}</h3>
      <p>
        Looking at the stage from {layout.describe(seat)}, about {Math.round(distance / pitch)} seat widths away. Free
        seats have their category's colour, taken seats are grey, yours is yellow.
      </p>
      {status && <p role="status">{status}</p>}
      {/* three.js owns this element's children: React must not render into it. */}
      <div ref={mount} className="seat-view-3d-canvas" role="img" aria-label={`3D view from seat ${layout.ids[seat]} towards the stage`} />
      <button type="button" onClick={onClose}>Close the 3D view</button>
    </section>
  );
}
