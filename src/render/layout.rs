//! Deterministic graph layout: a circle for small graphs, otherwise Fruchterman–Reingold
//! started from a circle ordered by degree then name, a fixed number of iterations and no
//! randomness, followed by an overlap-removal pass.

/// Positions in the unit square `[0,1]²` for `n` nodes (numbered in the order wanted on the
/// starting circle, most connected first) with the given edges; see [`layout_in`].
pub fn layout(n: usize, edges: &[(usize, usize)], radii: &[f64]) -> Vec<(f64, f64)> {
    layout_in(n, edges, radii, 1.0)
}

/// Positions in the unit square for a drawing area `aspect` times as wide as high. Each
/// connected component is laid out on its own (a circle up to 8 nodes, else
/// Fruchterman–Reingold from a circle, then overlap removal) in a square cell whose side
/// grows with the square root of its size; the cells are shelf-packed, largest first, in the
/// arrangement that lets them be drawn largest in the area. `radii` are node radii in units
/// of the area's shorter side.
pub fn layout_in(
    n: usize,
    edges: &[(usize, usize)],
    radii: &[f64],
    aspect: f64,
) -> Vec<(f64, f64)> {
    let aspect = if aspect.is_finite() && aspect > 0.0 {
        aspect
    } else {
        1.0
    };
    let comps = components(n, edges);
    if comps.len() <= 1 {
        return layout_connected(n, edges, radii);
    }
    let sizes: Vec<f64> = comps
        .iter()
        .map(|c| (c.len() as f64).sqrt().max(0.8))
        .collect();
    // Try every shelf width that starts a new row after k cells; keep the largest scale.
    // (scale, cell corners, width, height) of the best packing so far.
    type Packing = (f64, Vec<(f64, f64)>, f64, f64);
    let mut best: Option<Packing> = None;
    for k in 1..=comps.len() {
        let shelf: f64 = sizes[..k].iter().sum();
        let (mut x, mut y, mut row_h, mut bw) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let mut at = Vec::with_capacity(comps.len());
        for &s in &sizes {
            if x > 0.0 && x + s > shelf + 1e-9 {
                y += row_h;
                x = 0.0;
                row_h = 0.0;
            }
            at.push((x, y));
            x += s;
            row_h = row_h.max(s);
            bw = bw.max(x);
        }
        let bh = y + row_h;
        let scale = (aspect / bw).min(1.0 / bh);
        if best.as_ref().is_none_or(|b| scale >= b.0 - 1e-12) {
            best = Some((scale, at, bw, bh));
        }
    }
    let (scale, at, bw, bh) = best.expect("at least one component");
    // Centre the packing in the area, then map to the unit square.
    let (ox, oy) = ((aspect - bw * scale) / 2.0, (1.0 - bh * scale) / 2.0);
    let mut pos = vec![(0.5, 0.5); n];
    for (ci, comp) in comps.iter().enumerate() {
        let local: std::collections::HashMap<usize, usize> =
            comp.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let sub_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter(|(a, b)| local.contains_key(a) && local.contains_key(b))
            .map(|(a, b)| (local[a], local[b]))
            .collect();
        let cell = sizes[ci] * scale;
        let sub_radii: Vec<f64> = comp
            .iter()
            .map(|&v| radii.get(v).copied().unwrap_or(0.02) / cell.max(1e-9))
            .collect();
        let sub = layout_connected(comp.len(), &sub_edges, &sub_radii);
        let pad = if comp.len() == 1 { 0.5 } else { 0.1 };
        for (i, &v) in comp.iter().enumerate() {
            let (sx, sy) = if comp.len() == 1 { (0.5, 0.5) } else { sub[i] };
            let gx = ox + (at[ci].0 * scale) + cell * (pad + (1.0 - 2.0 * pad) * sx);
            let gy = oy + (at[ci].1 * scale) + cell * (pad + (1.0 - 2.0 * pad) * sy);
            pos[v] = (gx / aspect, gy);
        }
    }
    pos
}

/// Connected components, each sorted, largest first (ties by smallest member).
fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for &(a, b) in edges {
        if a < n && b < n {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for v in 0..n {
        let r = find(&mut parent, v);
        groups.entry(r).or_default().push(v);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// Layout of one connected graph in the unit square.
fn layout_connected(n: usize, edges: &[(usize, usize)], radii: &[f64]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let circle: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * i as f64 / n as f64;
            (0.5 + 0.42 * a.cos(), 0.5 + 0.42 * a.sin())
        })
        .collect();
    if n <= 8 {
        let order = circle_order(n, edges);
        let mut pos = vec![(0.0, 0.0); n];
        for (slot, &v) in order.iter().enumerate() {
            pos[v] = circle[slot];
        }
        return pos;
    }
    let mut pos = circle;
    let k = (1.0 / n as f64).sqrt() * 0.9;
    let iterations = 400;
    for it in 0..iterations {
        let temp = 0.08 * (1.0 - it as f64 / iterations as f64) + 0.002;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in edges {
            if a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // Gentle pull to the centre keeps disconnected parts on the canvas.
            disp[i].0 += (0.5 - pos[i].0) * 0.05;
            disp[i].1 += (0.5 - pos[i].1) * 0.05;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(1e-9);
            let step = len.min(temp);
            pos[i].0 += disp[i].0 / len * step;
            pos[i].1 += disp[i].1 / len * step;
        }
    }
    normalize(&mut pos);
    remove_overlaps(&mut pos, radii);
    normalize(&mut pos);
    pos
}

/// The order of up to 8 nodes around a circle with the fewest edge crossings, then the
/// shortest chords (in slots); node 0 stays in the first slot, and ties keep the earliest
/// permutation in lexicographic order, so the result is deterministic.
fn circle_order(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut edges: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(a, b)| a != b && *a < n && *b < n)
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    edges.sort_unstable();
    edges.dedup();
    let score = |perm: &[usize]| {
        let mut slot = [0usize; 8];
        for (i, &v) in perm.iter().enumerate() {
            slot[v] = i;
        }
        let chord = |&(a, b): &(usize, usize)| (slot[a].min(slot[b]), slot[a].max(slot[b]));
        let mut crossings = 0;
        for (i, e) in edges.iter().enumerate() {
            let (a, b) = chord(e);
            for f in &edges[i + 1..] {
                let (c, d) = chord(f);
                if a == c || a == d || b == c || b == d {
                    continue;
                }
                if (a < c && c < b) != (a < d && d < b) {
                    crossings += 1;
                }
            }
        }
        let length: usize = edges
            .iter()
            .map(|e| {
                let (a, b) = chord(e);
                (b - a).min(n - (b - a))
            })
            .sum();
        (crossings, length)
    };
    let mut perm: Vec<usize> = (0..n).collect();
    let mut best = (score(&perm), perm.clone());
    if n <= 3 {
        return perm;
    }
    // Heap-free lexicographic enumeration of the permutations of perm[1..].
    loop {
        let tail = &mut perm[1..];
        let Some(i) = (0..tail.len().saturating_sub(1))
            .rev()
            .find(|&i| tail[i] < tail[i + 1])
        else {
            break;
        };
        let j = (i + 1..tail.len())
            .rev()
            .find(|&j| tail[j] > tail[i])
            .expect("successor");
        tail.swap(i, j);
        tail[i + 1..].reverse();
        let s = score(&perm);
        if s < best.0 {
            best = (s, perm.clone());
        }
    }
    best.1
}

fn normalize(pos: &mut [(f64, f64)]) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pos.iter() {
        x0 = x0.min(p.0);
        y0 = y0.min(p.1);
        x1 = x1.max(p.0);
        y1 = y1.max(p.1);
    }
    let (w, h) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    for p in pos.iter_mut() {
        p.0 = 0.04 + 0.92 * (p.0 - x0) / w;
        p.1 = 0.04 + 0.92 * (p.1 - y0) / h;
    }
}

/// Push apart nodes whose discs (radii in unit-square units) overlap.
fn remove_overlaps(pos: &mut [(f64, f64)], radii: &[f64]) {
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let need = radii.get(i).copied().unwrap_or(0.02)
                    + radii.get(j).copied().unwrap_or(0.02)
                    + 0.01;
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                if d < need {
                    let (ux, uy) = if d < 1e-9 {
                        (1.0, 0.0)
                    } else {
                        (dx / d, dy / d)
                    };
                    let push = (need - d) / 2.0;
                    pos[i].0 -= ux * push;
                    pos[i].1 -= uy * push;
                    pos[j].0 += ux * push;
                    pos[j].1 += uy * push;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_deterministic_and_inside() {
        let edges: Vec<(usize, usize)> = (0..20).map(|i| (i, (i * 7 + 3) % 20)).collect();
        let r = vec![0.02; 20];
        let a = layout(20, &edges, &r);
        let b = layout(20, &edges, &r);
        assert_eq!(a, b);
        assert!(
            a.iter()
                .all(|p| (0.0..=1.0).contains(&p.0) && (0.0..=1.0).contains(&p.1))
        );
    }

    #[test]
    fn no_two_nodes_overlap() {
        let edges: Vec<(usize, usize)> = (1..30).map(|i| (0, i)).collect();
        let r = vec![0.015; 30];
        let p = layout(30, &edges, &r);
        for i in 0..30 {
            for j in (i + 1)..30 {
                let d = ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt();
                assert!(d > 0.02, "{i} {j} {d}");
            }
        }
    }

    #[test]
    fn components_get_their_own_cells() {
        let p = layout_in(4, &[(0, 1), (2, 3)], &[0.02; 4], 2.0);
        // Two components side by side in a wide area: the first pair left, the second right.
        assert!(
            p[0].0 < 0.5 && p[1].0 < 0.5 && p[2].0 > 0.5 && p[3].0 > 0.5,
            "{p:?}"
        );
    }

    #[test]
    fn circle_order_removes_crossings() {
        // A 4-cycle given in crossing order 0-2-1-3-0 is untangled.
        let order = circle_order(4, &[(0, 2), (2, 1), (1, 3), (3, 0)]);
        assert_eq!(order, vec![0, 2, 1, 3]);
        let p = layout(
            6,
            &[(0, 3), (3, 1), (1, 4), (4, 2), (2, 5), (5, 0)],
            &[0.02; 6],
        );
        assert_eq!(
            p,
            layout(
                6,
                &[(0, 3), (3, 1), (1, 4), (4, 2), (2, 5), (5, 0)],
                &[0.02; 6]
            )
        );
    }

    #[test]
    fn small_graphs_sit_on_a_circle() {
        let p = layout(4, &[(0, 1), (1, 2), (2, 3)], &[0.02; 4]);
        for q in p {
            let d = ((q.0 - 0.5).powi(2) + (q.1 - 0.5).powi(2)).sqrt();
            assert!((d - 0.42).abs() < 1e-9);
        }
    }
}
