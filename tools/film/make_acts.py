#!/usr/bin/env python3
"""Writes the cinematic's act sequences and film file (scenes/cinematic.*.json).

The acts are authored here as shot lists (camera from/to positions and look-at
targets in each location's coordinates) because hand-writing Euler keys is error
prone; the generated JSON is what the engine reads and what gets committed.
Run: python3 tools/film/make_acts.py   (from the repository root)
Characters are spawned from the cast (assets/characters) and acted here: a
path, the way they face, and the clips they play (the clip library of
tools/castgen). Where a character holds still, the path holds its point.
"""
import json, math, os

FPS = 24
SPEAKERS = [  # the one speaker colour table (linear RGB)
    {"id": "len", "name": "Len", "color": [1.0, 0.85, 0.1]},
    {"id": "rin", "name": "Rin", "color": [1.0, 0.45, 0.05]},
    {"id": "miku", "name": "Miku", "color": [0.1, 0.85, 0.8]},
    {"id": "camui", "name": "Camui", "color": [0.65, 0.35, 1.0]},
]


def euler(pos, target, prev_yaw=None):
    d = [target[i] - pos[i] for i in range(3)]
    length = math.sqrt(sum(x * x for x in d))
    pitch = math.asin(d[1] / length)
    yaw = math.atan2(-d[0], -d[2])
    if prev_yaw is not None:  # keep yaw continuous so a pan takes the short way
        while yaw - prev_yaw > math.pi: yaw -= 2 * math.pi
        while yaw - prev_yaw < -math.pi: yaw += 2 * math.pi
    return [round(pitch, 5), round(yaw, 5), 0.0], yaw


def r(v): return [round(x, 3) for x in v]


def shot(name, camera, length, frm, to, fov=0.9, fov_to=None, interp="ease_in_out"):
    """frm/to: (position, target). The camera eases from one to the other over the shot."""
    e0, y0 = euler(*frm)
    e1, _ = euler(*to, prev_yaw=y0)
    tracks = [
        {"type": "camera_cuts", "name": "cut", "cuts": [{"time": 0.0, "camera": camera}]},
        {"type": "transform", "name": name + "_move", "binding": camera,
         "translation": {"keys": [{"time": 0.0, "value": r(frm[0]), "interp": interp},
                                  {"time": length, "value": r(to[0])}]},
         "rotation": {"keys": [{"time": 0.0, "value": e0, "interp": interp}, {"time": length, "value": e1}]}},
        {"type": "camera", "name": name + "_lens", "binding": camera,
         "fov_y": {"keys": [{"time": 0.0, "value": fov, "interp": interp},
                            {"time": length, "value": fov_to if fov_to else fov}]}},
    ]
    return {"name": name, "duration": length, "trim_end": length, "tracks": tracks}


def place(shots):
    t = 0.0
    for s in shots:
        s["start"] = round(t, 4)
        t += s["duration"]
    return t


def param(path, keys, value_type=None):
    p = {"type": "parameter", "name": path.replace(".", "_").replace(":", "_"), "path": path,
         "keys": [{"time": t, "value": v} for t, v in keys]}
    if value_type: p["value_type"] = value_type
    return p


def character(name, kind, outfit=None):
    b = {"name": name, "entity": name, "character": kind, "spawn": True}
    if outfit: b["outfit"] = outfit
    return b


def yaw_to(frm, to):
    """The yaw (radians about +Y) that turns a character, modelled facing +Z, from frm towards to."""
    return math.atan2(to[0] - frm[0], to[2] - frm[2])


def actor(binding, path, facing, clips):
    """A character's acting: path [(t, position)], facing [(t, yaw)] and clips
    [(clip, start, end, options)]; options: loop, rate, blend (in and out, s).
    The path is linear keys (constant speed; a repeated point holds exactly,
    where a Catmull-Rom path would drift), yaw keys are unwrapped so a turn
    takes the short way."""
    keys, prev = [], None
    for t, yaw in facing:
        if prev is not None:
            while yaw - prev > math.pi: yaw -= 2 * math.pi
            while yaw - prev < -math.pi: yaw += 2 * math.pi
        prev = yaw
        keys.append({"time": t, "value": [0.0, round(yaw, 4), 0.0], "interp": "ease_in_out"})
    sections = []
    for clip, start, end, opt in clips:
        blend = opt.get("blend", 0.3)
        sec = {"clip": clip, "start": start, "end": end, "blend_in": blend, "blend_out": blend}
        if opt.get("loop"): sec["loop"] = True
        if "rate" in opt: sec["play_rate"] = opt["rate"]
        sections.append(sec)
    return [{"type": "transform", "name": binding + "_path", "binding": binding,
             "translation": {"keys": [{"time": t, "value": p, "interp": "linear"} for t, p in path]},
             "rotation": {"keys": keys}},
            {"type": "animation", "name": binding + "_acting", "binding": binding, "sections": sections}]


LOOP = {"loop": True}


def lines(items):
    return {"type": "subtitles", "name": "dialogue",
            "lines": [{"speaker": s, "text": txt, "in": a, "out": b} for a, b, s, txt in items]}


def sequence(name, scene, cameras, chars, shots, tracks):
    duration = place(shots)
    return {"schema": "kagami.sequence", "version": 1, "name": name, "scene": scene, "frame_rate": FPS,
            "duration": duration, "speakers": SPEAKERS,
            "bindings": [{"name": c, "entity": c} for c in cameras] + chars,
            "tracks": tracks(duration) + [{"type": "streaming", "name": "location",
                                           "cues": [{"location": scene[:-5], "from": 0.0, "to": duration}]}],
            "shots": shots}


def fades(duration, fade_in=1.5, end=None):
    ev = [{"time": 0.0, "kind": "fade", "duration": 0.0, "intensity": 1.0},
          {"time": 0.0417, "kind": "fade", "duration": fade_in, "intensity": 0.0}]
    if end: ev += end
    ev.sort(key=lambda e: e["time"])  # the reader wants events in time order
    return {"type": "events", "name": "fades", "events": ev}


# --- Act 1: Tokyo Dome City at dusk (dome centred near the origin, wheel ring at (250, 40, 20)) ---
WHEEL = [250, 40, 20]
PLAZA = [150, 1.5, 10]
act1_shots = [
    shot("a1_s01_crane_over_dome", "view_dome_to_wheel", 9.0, ([-150, 60, 120], [0, 40, 0]), ([-40, 120, 20], WHEEL), 1.0),
    shot("a1_s02_wheel_reveal", "view_promenade_wheel", 6.0, ([180, 3, 60], WHEEL), ([170, 2, 45], [250, 50, 20]), 1.0, 0.85),
    shot("a1_s03_len_runs_plaza", "view_dome_from_plaza", 7.0, ([185, 1.7, -15], [150, 1.5, 10]), ([175, 1.7, -8], [145, 1.5, 12]), 0.9),
    shot("a1_s04_the_hug", "view_promenade_wheel", 5.0, ([140, 1.6, 18], PLAZA), ([144, 1.6, 16], PLAZA), 0.6),
    shot("a1_s05_disk_closeup", "view_coaster_tunnel", 4.0, ([152, 1.8, 12], [150, 1.6, 10]), ([151.5, 1.7, 11.5], [150, 1.6, 10]), 0.45),
    shot("a1_s06_shove_and_memory", "view_dome_from_plaza", 6.0, ([135, 1.7, 25], PLAZA), ([138, 1.7, 22], PLAZA), 0.7),
    shot("a1_s07_hands_join", "view_promenade_wheel", 6.0, ([160, 1.2, 14], [150, 1.2, 10]), ([158, 1.4, 8], [150, 1.2, 10]), 0.65),
    shot("a1_s08_coaster_roars", "view_coaster_tunnel", 5.0, ([160, 6, 80], [200, 8, 95]), ([170, 8, 70], [225, 10, 95]), 1.0),
    shot("a1_s09_wheel_night_sky", "view_promenade_wheel", 6.0, ([200, 2, -20], [250, 60, 20]), ([205, 2, -10], [250, 45, 20]), 1.05),
    shot("a1_s10_rin_walks_home", "view_dome_from_plaza", 7.0, ([215, 12, -45], [150, 2, 5]), ([212, 12, -40], [148, 2, 0]), 0.35),
]
# Len runs in from the promenade, catches Rin at the plaza and hugs her; she
# shoves him off (31.3 s), remembers, and they join hands (41 s); he walks off
# (52 s), she walks home (55 s).
LEN1_START, LEN1, RIN1 = [120, 0, 33], [149.2, 0, 10.8], [149.6, 0, 10.4]
LEN1_SHOVED, LEN1_HAND = [148.5, 0, 11.5], [148.9, 0, 11.1]
LEN1_HOME, RIN1_HOME = [140, 0, -4], [150.5, 0, -1]


def act1_len():
    run, face = yaw_to(LEN1_START, LEN1), yaw_to(LEN1, RIN1)
    home = yaw_to(LEN1_HAND, LEN1_HOME)
    return actor("len", [(0.0, LEN1_START), (14.0, LEN1_START), (19.5, LEN1), (31.3, LEN1), (31.9, LEN1_SHOVED),
                         (40.5, LEN1_SHOVED), (41.2, LEN1_HAND), (52.0, LEN1_HAND), (61.0, LEN1_HOME)],
                 [(0.0, run), (19.2, run), (20.2, face), (51.6, face), (52.4, home)],
                 [("idle", 0.0, 14.3, LOOP), ("run", 14.0, 19.6, {"loop": True, "rate": 0.9}), ("stop", 19.3, 20.6, {}),
                  ("idle", 20.4, 22.3, LOOP), ("hug", 22.0, 27.3, {}), ("idle", 27.0, 35.2, LOOP),
                  ("look_away", 35.0, 39.5, {}), ("idle", 39.3, 41.2, LOOP), ("take_hand", 41.0, 45.2, {}),
                  ("idle", 45.0, 52.2, LOOP), ("walk", 52.0, 61.0, {"loop": True, "rate": 1.2})])


def act1_rin():
    wheel, face, home = yaw_to(RIN1, WHEEL), yaw_to(RIN1, LEN1), yaw_to(RIN1, RIN1_HOME)
    return actor("rin", [(0.0, RIN1), (55.0, RIN1), (61.0, RIN1_HOME)],
                 [(0.0, wheel), (20.0, wheel), (21.0, face), (54.6, face), (55.4, home)],
                 [("idle", 0.0, 22.3, LOOP), ("hug", 22.0, 27.3, {}), ("idle", 27.0, 31.2, LOOP),
                  ("punch", 31.0, 32.3, {"blend": 0.2}), ("idle", 32.1, 41.2, LOOP), ("take_hand", 41.0, 45.2, {}),
                  ("idle", 45.0, 55.2, LOOP), ("walk", 55.0, 61.0, {"loop": True, "rate": 1.15})])


act1 = sequence("act1_dome_city", "tokyo_dome_city.json",
                ["view_dome_to_wheel", "view_promenade_wheel", "view_coaster_tunnel", "view_dome_from_plaza"],
                [character("len", "len", "vocaloid"), character("rin", "rin", "vocaloid")], act1_shots,
                lambda d: [
                    fades(d, 2.0),
                    param("sky.sun_intensity", [(0.0, 0.6), (30.0, 0.25), (d, 0.02)]),
                    param("post.exposure", [(0.0, -0.5), (35.0, 0.2), (d, 0.9)]),
                    param("fog.density", [(0.0, 0.0012), (d, 0.0025)]),
                    param("time_of_day", [(0.0, 17.5), (d, 19.0)]),
                    *act1_len(), *act1_rin(),
                    lines([(16.5, 19.5, "len", "Found you. Hold still a second."),
                           (27.5, 30.5, "rin", "Len? What are you doing to my headset?"),
                           (31.5, 33.5, "rin", "Get off me!"),
                           (34.0, 36.8, "rin", "...wait. I remember this place."),
                           (37.5, 39.5, "rin", "You still can't look at me, can you?"),
                           (39.7, 41.2, "len", "Don't push it."),
                           (41.3, 43.0, "rin", "Come on. One more night."),
                           (54.5, 57.5, "len", "Get home safe, Rin.")]),
                ])

# --- Act 2: Suidoubashi in the snow storm (railway along x at z = 4, rails at y = 9) ---
RIN2 = [20, 1.5, -40]
act2_shots = [
    shot("a2_s01_storm_under_bridge", "view_under_the_bridge", 8.0, ([-60, 2, 40], [-15, 9, 4]), ([-40, 2, 30], [10, 10, 4]), 1.05),
    shot("a2_s02_train_passes", "view_along_the_canal", 6.0, ([-70, 3, -20], [-95, 10, 2]), ([-60, 3, -20], [-30, 10, 2]), 0.9),
    shot("a2_s03_len_runs_tracking", "view_station_street", 7.0, ([40, 1.6, 50], [55, 1.5, 30]), ([30, 1.6, 15], [45, 1.5, -5]), 0.85),
    shot("a2_s04_rin_in_the_snow", "view_bicycle_parking", 6.0, ([30, 1.7, -10], RIN2), ([26, 1.7, -20], RIN2), 0.5),
    shot("a2_s05_miku_fires", "view_under_the_bridge", 5.0, ([40, 1.5, 20], [30, 1.6, 0]), ([38, 1.5, 18], [25, 1.6, -10]), 0.7),
    shot("a2_s06_len_falls", "view_station_street", 8.0, ([24, 3, -14], [22, 0.3, -22]), ([24, 10, -10], [22, 0.3, -22]), 0.8),
]
# Len runs through the storm towards Rin, who stands still; Miku, behind him,
# fires at 29.8 s and he collapses in the snow at 30.5 s.
LEN2_START, LEN2_TURN, LEN2_FALL = [45, 0, 40], [30, 0, 2], [22.5, 0, -19]
RIN2_AT, MIKU2_AT = [20, 0, -40], [35, 0, 12]


def act2_len():
    leg1, leg2 = yaw_to(LEN2_START, LEN2_TURN), yaw_to(LEN2_TURN, LEN2_FALL)
    return actor("len", [(0.0, LEN2_START), (14.0, LEN2_START), (24.0, LEN2_TURN), (30.5, LEN2_FALL), (40.0, LEN2_FALL)],
                 [(0.0, leg1), (23.7, leg1), (24.5, leg2)],
                 [("idle", 0.0, 14.2, LOOP), ("run", 14.0, 30.7, {"loop": True, "rate": 0.8}),
                  ("collapse", 30.5, 40.0, {"blend": 0.2})])


def act2_rin():
    return actor("rin", [(0.0, RIN2_AT)], [(0.0, yaw_to(RIN2_AT, LEN2_TURN))], [("idle", 0.0, 40.0, LOOP)])


def act2_miku():
    aim = yaw_to(MIKU2_AT, [24.2, 0, -15])  # where Len is as she fires
    return actor("miku", [(0.0, MIKU2_AT)], [(0.0, aim)],
                 [("idle", 0.0, 28.2, LOOP), ("aim_fire", 28.0, 31.5, {}), ("idle", 31.3, 40.0, LOOP)])


act2 = sequence("act2_suidoubashi", "suidoubashi.json",
                ["view_under_the_bridge", "view_station_street", "view_bicycle_parking", "view_along_the_canal"],
                [character("len", "len", "winter_coat"), character("rin", "rin", "vocaloid"),
                 character("miku", "miku", "short_hair")], act2_shots,
                lambda d: [
                    fades(d, 1.5, [{"time": d - 1.0, "kind": "fade", "duration": 1.0, "intensity": 1.0,
                                    "color": [0.0, 0.9, 0.8]}]),
                    param("snow.intensity", [(0.0, 0.6), (20.0, 1.0), (d, 1.0)]),
                    param("wind.strength", [(0.0, 0.5), (15.0, 1.0), (d, 0.7)]),
                    param("fog.density", [(0.0, 0.012), (20.0, 0.02), (d, 0.03)]),
                    param("post.exposure", [(0.0, 0.5), (d, 0.2)]),
                    param("fx.data_breakup", [(d - 4.0, 0.0), (d, 1.0)]),
                    *act2_len(), *act2_rin(), *act2_miku(),
                    lines([(15.0, 18.0, "len", "Rin! Rin, over here!"),
                           (22.0, 25.5, "len", "Why are you just standing in the snow?"),
                           (27.5, 30.5, "miku", "Sorry, Len. Orders."),
                           (33.5, 36.0, "len", "Miku...?")]),
                ])

# --- Act 3: the data world (arena at the origin, monoliths around it) ---
RIN3 = [0, 1.5, -120]
act3_shots = [
    shot("a3_s01_into_the_grid", "view_overview", 8.0, ([90, 60, 90], [0, 0, 0]), ([40, 12, 40], [0, 2, 0]), 1.0),
    shot("a3_s02_len_searches", "view_arena", 6.0, ([6, 1.7, 20], [0, 1.5, 0]), ([3, 1.7, 12], [0, 1.5, -10]), 0.9),
    shot("a3_s03_rin_far_in_fog", "view_monolith_ring", 6.0, ([0, 2, -10], RIN3), ([0, 2, -20], RIN3), 0.35),
    shot("a3_s04_camui_fires", "view_arena", 5.0, ([-12, 2, 6], [10, 2, -6]), ([-10, 2, 4], [8, 2, -8]), 0.8),
    shot("a3_s05_faceoff_suplex", "view_monolith_ring", 9.0, ([14, 3, 10], [0, 1, -2]), ([-12, 4, 12], [0, 1, -2]), 0.9),
    shot("a3_s06_rin_dissolves", "view_overview", 9.0, ([0, 3, -95], RIN3), ([0, 2.5, -105], RIN3), 0.6),
]
# Len searches the grid; Camui fires and misses (20.5 s), walks in; they
# grapple (25.9 s) and Len suplexes him into the grid (28 s); Rin, far off,
# dissolves (36-42 s) and Len runs for her.
LEN3_START, LEN3_STOP, LEN3_GRAB = [0, 0, 10], [0, 0, -1], [0.3, 0, -2.6]
CAMUI3_START, CAMUI3_GRAB, CAMUI3_THROWN = [8, 0, -8], [0.6, 0, -3.35], [0.1, 0, -1.3]
RIN3_AT = [0, 0, -120]


def act3_len():
    ahead, at_camui, grab = yaw_to(LEN3_START, LEN3_STOP), yaw_to(LEN3_STOP, CAMUI3_START), yaw_to(LEN3_GRAB, CAMUI3_GRAB)
    return actor("len", [(0.0, LEN3_START), (8.0, LEN3_START), (20.0, LEN3_STOP), (25.0, LEN3_STOP), (26.0, LEN3_GRAB),
                         (40.0, LEN3_GRAB), (43.0, [0, 0, -12])],
                 [(0.0, ahead), (20.0, ahead), (21.0, at_camui), (25.0, at_camui), (25.6, grab), (39.0, grab),
                  (40.0, yaw_to(LEN3_GRAB, RIN3_AT))],
                 [("idle", 0.0, 8.2, LOOP), ("walk", 8.0, 20.2, {"loop": True, "rate": 0.8}), ("idle", 20.0, 25.2, LOOP),
                  ("run", 25.0, 26.2, LOOP), ("grapple", 25.9, 27.6, {}), ("suplex", 27.4, 29.6, {}),
                  ("idle", 29.4, 40.2, LOOP), ("run", 40.0, 43.0, LOOP)])


def act3_camui():
    aim, grab = yaw_to(CAMUI3_START, LEN3_STOP), yaw_to(CAMUI3_GRAB, LEN3_GRAB)
    return actor("camui", [(0.0, CAMUI3_START), (21.5, CAMUI3_START), (25.8, CAMUI3_GRAB), (28.0, CAMUI3_GRAB),
                           (28.6, CAMUI3_THROWN), (43.0, CAMUI3_THROWN)],
                 [(0.0, aim), (21.5, aim), (22.2, yaw_to(CAMUI3_START, CAMUI3_GRAB)), (25.3, yaw_to(CAMUI3_START, CAMUI3_GRAB)),
                  (25.8, grab)],
                 [("idle", 0.0, 19.6, LOOP), ("aim_fire", 19.4, 21.7, {}), ("walk", 21.5, 25.9, {"loop": True, "rate": 1.3}),
                  ("grapple", 25.8, 28.1, {}), ("fall_get_up", 28.0, 34.0, {"blend": 0.15}), ("idle", 33.8, 43.0, LOOP)])


def act3_rin():
    return actor("rin", [(0.0, RIN3_AT)], [(0.0, 0.0)], [("idle", 0.0, 36.2, LOOP), ("cry", 36.0, 43.0, LOOP)])


act3 = sequence("act3_data_world", "data_world.json", ["view_arena", "view_monolith_ring", "view_overview"],
                [character("len", "len", "greatcoat"), character("rin", "rin", "vocaloid"),
                 character("camui", "camui")], act3_shots,
                lambda d: [
                    fades(d, 2.0, [{"time": 28.0, "kind": "shake", "duration": 0.8, "intensity": 0.3},
                                   {"time": 28.0, "kind": "flash", "duration": 0.5, "intensity": 1.0, "color": [0.6, 1.0, 1.0]},
                                   {"time": 20.5, "kind": "flash", "duration": 0.25, "intensity": 0.6, "color": [1.0, 0.8, 0.5]},
                                   {"time": d - 3.0, "kind": "fade", "duration": 3.0, "intensity": 1.0, "color": [1.0, 1.0, 1.0]}]),
                    param("fog.density", [(0.0, 0.03), (14.0, 0.018), (34.0, 0.025), (d, 0.04)]),
                    param("fog.color", [(0.0, [0.01, 0.04, 0.05]), (d, [0.2, 0.5, 0.55])], "vec3"),
                    param("post.exposure", [(0.0, 0.3), (d, 1.2)]),
                    param("fx.data_pulse", [(0.0, 1.0)]),
                    param("fx.data_blocks", [(0.0, 1.0)]),
                    param("fx.dissolve", [(0.0, 1.0), (2.0, 0.0)]),
                    param("fx.dissolve.rin", [(0.0, 0.0), (36.0, 0.0), (42.0, 1.0)]),
                    *act3_len(), *act3_rin(), *act3_camui(),
                    lines([(9.0, 11.5, "len", "Rin? Where are you?"),
                           (20.0, 22.5, "camui", "You should have stayed asleep."),
                           (23.0, 25.0, "len", "Get out of my way."),
                           (37.0, 40.0, "rin", "Len... it's all coming apart."),
                           (40.5, 43.0, "len", "No. Not again!")]),
                ])

# --- Epilogue: Tokyo Dome City, winter night ---
PASS = [95, 1.5, 125]  # outside the Dome's wall (radius about 115 m)
epi_shots = [
    shot("e_s01_walking_past_dome", "view_dome_from_plaza", 8.0, ([112, 1.7, 150], [96, 3, 128]), ([104, 1.7, 142], [86, 4, 116]), 0.9),
    shot("e_s02_len_stops_alone", "view_promenade_wheel", 7.0, ([104, 1.6, 134], PASS), ([102, 1.6, 132], PASS), 0.5),
    shot("e_s03_runs_to_catch_her", "view_coaster_tunnel", 6.0, ([120, 2, 150], [90, 1.5, 120]), ([105, 2, 135], [80, 1.5, 110]), 0.85),
    shot("e_s04_her_arms_come_up", "view_dome_from_plaza", 7.0, ([75, 1.8, 103], [80, 1.5, 110]), ([76, 1.8, 104], [80, 1.5, 110]), 0.55),
    shot("e_s05_final_wide_wheel", "view_dome_to_wheel", 12.0, ([-60, 30, 160], [100, 30, 40]), ([-80, 70, 150], WHEEL), 1.0),
]
# Len walks beside the blank-slate Rin past the Dome; he stops and cries (9 s)
# while she walks on; he runs to catch her (15 s) and hugs her; she turns
# (21.5 s) and her arms come up (24 s).
LENE_START, LENE_STOP, RINE_START, RINE_BESIDE, RINE_STOP = [104, 0, 138], [95, 0, 126], [102, 0, 140], [93.5, 0, 128], [80, 0, 110]
LENE_HUG = [80.41, 0, 110.55]  # 0.68 m behind where she stops


def epi_len():
    walk_dir, run_dir = yaw_to(LENE_START, LENE_STOP), yaw_to(LENE_STOP, LENE_HUG)
    return actor("len", [(0.0, LENE_START), (8.0, LENE_STOP), (15.0, LENE_STOP), (21.0, LENE_HUG), (40.0, LENE_HUG)],
                 [(0.0, walk_dir), (14.8, walk_dir), (15.4, run_dir), (21.0, run_dir), (21.6, yaw_to(LENE_HUG, RINE_STOP))],
                 [("walk", 0.0, 8.2, {"loop": True, "rate": 1.2}), ("idle", 8.0, 9.2, LOOP), ("cry", 9.0, 15.2, LOOP),
                  ("run", 15.0, 21.2, {"loop": True, "rate": 0.7}), ("hug", 21.0, 28.2, {}), ("idle", 28.0, 40.0, LOOP)])


def epi_rin():
    walk_dir = yaw_to(RINE_START, RINE_STOP)
    return actor("rin", [(0.0, RINE_START), (8.0, RINE_BESIDE), (21.0, RINE_STOP), (40.0, RINE_STOP)],
                 [(0.0, walk_dir), (21.5, walk_dir), (22.5, yaw_to(RINE_STOP, LENE_HUG))],
                 [("walk", 0.0, 21.2, {"loop": True, "rate": 1.1}), ("idle", 21.0, 24.2, LOOP), ("hug", 24.0, 28.5, {}),
                  ("idle", 28.3, 40.0, LOOP)])


epi = sequence("epilogue_dome_city", "tokyo_dome_city.json",
               ["view_dome_to_wheel", "view_promenade_wheel", "view_coaster_tunnel", "view_dome_from_plaza"],
               [character("len", "len", "vocaloid"), character("rin", "rin", "blank_slate")], epi_shots,
               lambda d: [
                   fades(d, 3.0, [{"time": d - 6.0, "kind": "fade", "duration": 2.0, "intensity": 1.0}]),
                   param("sky.sun_intensity", [(0.0, 0.02), (d, 0.02)]),
                   param("post.exposure", [(0.0, 0.9), (d, 0.9)]),
                   param("snow.intensity", [(0.0, 0.2), (d, 0.35)]),
                   param("fog.density", [(0.0, 0.002), (d, 0.003)]),
                   *epi_len(), *epi_rin(),
                   lines([(9.0, 12.0, "len", "You don't remember any of it."),
                          (12.5, 14.5, "len", "That's okay."),
                          (19.0, 21.0, "len", "Rin, wait!"),
                          (24.0, 27.0, "rin", "...Len?")]),
               ])

film = {
    "schema": "kagami.film", "version": 1, "name": "cinematic", "stream_lead": 8.0,
    "acts": [{"name": "Act 1: Tokyo Dome City", "sequence": "cinematic.act1.sequence.json"},
             {"name": "Act 2: Suidoubashi", "sequence": "cinematic.act2.sequence.json"},
             {"name": "Act 3: The data world", "sequence": "cinematic.act3.sequence.json"},
             {"name": "Epilogue: Tokyo Dome City", "sequence": "cinematic.epilogue.sequence.json"}],
    "stand_ins": [],
}

acts = [("cinematic.act1.sequence.json", act1), ("cinematic.act2.sequence.json", act2),
        ("cinematic.act3.sequence.json", act3), ("cinematic.epilogue.sequence.json", epi)]
total = sum(a["duration"] for _, a in acts)
film["title"] = {"text": "KAGAMI", "subtitle": "a mirror of Len's memories", "start": round(total - 4.0, 4), "duration": 4.0}
film["credits"] = {"duration": 20.0, "lines": [
    "KAGAMI", "", "A real-time cinematic in three locations", "", "Engine: Kagami (C++20, Vulkan 1.3)",
    "", "Locations", "Tokyo Dome City at dusk", "Suidoubashi in the snow", "The data world", "",
    "Characters", "Kagamine Len", "Kagamine Rin", "Hatsune Miku", "Camui Gackpo", "",
    "Font: DejaVu Sans", "Rendered by the engine, frame by frame", "", "Thank you for watching"]}
os.makedirs("scenes", exist_ok=True)
for name, seq in acts:
    with open(os.path.join("scenes", name), "w") as f: json.dump(seq, f, indent=2); f.write("\n")
with open("scenes/cinematic.film.json", "w") as f: json.dump(film, f, indent=2); f.write("\n")
print(f"{len(acts)} acts, {sum(len(a['shots']) for _, a in acts)} shots, {total:.1f} s + {film['credits']['duration']} s credits")
