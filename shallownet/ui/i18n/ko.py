"""Every Korean text the app shows, with the same keys as en.py, in the lecture's own
terms (기울기 강하, 전 방향전파, 후 방향전파, 숨겨진 레이어, 러닝속도, 비용함수, 초기화)."""

KO = {
    # the app
    "app.title": "shallownet",
    "page.playground": "플레이그라운드",
    "playground.title": "기울기 강하, 한 스텝씩",
    "playground.intro": (
        "n1개의 유닛으로 된 숨겨진 레이어 (은닉층) 하나를 가진 신경망이 두 클래스를 구분하는 법을 배웁니다. 각 스텝은 "
        "강의에서처럼 전체 배치로 한 번 하는 기울기 강하 (경사 하강법) 업데이트 W := W − α dW입니다."
    ),
    # buttons (demos and tests rely on these labels)
    "button.step": "스텝",
    "button.step10": "×10",
    "button.step100": "×100",
    "button.play": "재생",
    "button.pause": "멈춤",
    "button.reset": "리셋",
    "button.new_data": "새 데이터",
    "help.step": "기울기 강하 한 스텝",
    "help.step10": "10 스텝",
    "help.step100": "100 스텝",
    "help.play": "계속 트레이닝합니다. 그동안에도 설정을 바꿀 수 있습니다",
    "help.pause": "트레이닝을 멈춥니다. 신경망은 지금 상태 그대로 남습니다",
    "help.reset": "같은 데이터에서, 초기화한 새 신경망으로 다시 시작합니다",
    "help.new_data": "다음 시드로 새 데이터를 생성합니다",
    # sidebar sections and settings
    "section.data": "데이터",
    "section.network": "신경망",
    "section.descent": "기울기 강하",
    "section.display": "표시",
    "setting.dataset": "데이터 세트",
    "setting.m": "예시 수 m",
    "setting.noise": "노이즈",
    "setting.test_fraction": "테스트 비율",
    "setting.seed": "시드",
    "setting.standardize": "입력 표준화",
    "setting.n1": "숨겨진 유닛 수 n1",
    "setting.activation": "숨겨진 레이어 활성화 함수 g1",
    "setting.init": "초기화",
    "setting.init_scale": "초기 가중치 스케일",
    "setting.alpha": "러닝속도 α",
    "setting.speed": "속도 (프레임당 스텝 수)",
    "setting.cost_log": "비용함수를 로그 스케일로",
    "help.m": "점의 개수 (트레이닝과 테스트 합계)",
    "help.noise": "각 점에 더하는 노이즈의 표준편차 (데이터 크기에 대한 비율)",
    "help.test_fraction": "일반화 성능을 재기 위해 따로 떼어 두는 점의 비율",
    "help.seed": "같은 시드면 같은 데이터와 같은 초기 가중치",
    "help.standardize": "각 입력을 평균 0, 표준편차 1이 되도록 이동하고 스케일을 조정합니다",
    "help.init": "0으로 초기화하면 대칭이 깨지지 않습니다: 모든 숨겨진 유닛이 계속 똑같습니다",
    "help.init_scale": "W1, W2 = 스케일 × N(0, 1); b1, b2 = 0",
    "help.alpha": "러닝속도 (학습률) α는 처음부터 다시 시작하지 않고 다음 스텝부터 적용됩니다",
    "help.speed": (
        "화면을 한 번 새로 그릴 때마다 기울기 강하를 몇 스텝 진행할지 정합니다. 신경망이 커서 따라가지 못하면 더 적게 "
        "진행합니다"
    ),
    "dataset.moons": "초승달",
    "dataset.circles": "동심원",
    "dataset.flower": "꽃 (과제 데이터)",
    "dataset.blobs": "군집",
    "dataset.xor": "XOR",
    "dataset.spiral": "나선",
    "dataset.gaussian_quantiles": "가우시안 분위수",
    "activation.tanh": "tanh",
    "activation.sigmoid": "시그모이드",
    "activation.relu": "ReLU",
    "activation.leaky_relu": "leaky ReLU",
    "activation.linear": "선형 (로지스틱 회귀)",
    # each activation's g1'(Z1), as the texts write it
    "derivative.tanh": "1 − A1²",
    "derivative.sigmoid": "A1 (1 − A1)",
    "derivative.relu": "Z1 > 0인 곳에서 1, 그 밖에서는 0",
    "derivative.leaky_relu": "Z1 > 0인 곳에서 1, 그 밖에서는 0.01",
    "derivative.linear": "1",
    "init.random": "임의 값",
    "init.zeros": "모두 0",
    # what happened
    "notice.network": "새 신경망: {what} 설정이 바뀌어 트레이닝을 스텝 0부터 다시 시작합니다.",
    "notice.data": "새 데이터와 새 신경망: {what} 설정이 바뀌어 트레이닝을 스텝 0부터 다시 시작합니다.",
    "notice.reset": "리셋: 초기화한 새 신경망으로 스텝 0부터 시작합니다.",
    "notice.alpha": "다음 스텝부터 α = {alpha}입니다. 신경망은 하던 곳에서 트레이닝을 이어 갑니다.",
    "diverged": (
        "스텝 {step}에서 트레이닝이 멈췄습니다: {quantity} 값이 무한대 또는 NaN이 되었습니다. 원인은 너무 큰 α = "
        "{alpha}입니다. 값이 유한했던 마지막 신경망이 화면에 남아 있습니다: α를 낮춰 거기서부터 이어 가거나 리셋을 "
        "누르세요."
    ),
    "diverged.start": "초기 신경망에서 이미 {quantity} 값이 무한대입니다: 초기 가중치 스케일을 낮추세요.",
    "quantity.cost": "비용함수 J",
    "quantity.dW1": "기울기 dW1",
    "quantity.db1": "기울기 db1",
    "quantity.dW2": "기울기 dW2",
    "quantity.db2": "기울기 db2",
    # the live view
    "metric.step": "스텝",
    "metric.cost_train": "J, 트레이닝",
    "metric.cost_test": "J, 테스트",
    "metric.acc_train": "정확도, 트레이닝",
    "metric.acc_test": "정확도, 테스트",
    "metric.none": "–",
    "fig.boundary": "결정 경계: 평면 위의 ŷ = A2",
    "fig.boundary.line": "A2 = 0.5",
    "fig.train_class0": "트레이닝, 클래스 0",
    "fig.train_class1": "트레이닝, 클래스 1",
    "fig.test_class0": "테스트, 클래스 0",
    "fig.test_class1": "테스트, 클래스 1",
    "fig.cost": "스텝별 비용함수 J",
    "fig.cost.train": "트레이닝",
    "fig.cost.test": "테스트",
    "fig.grads": "스텝별 기울기 노름",
    "fig.grads.y": "노름",
    "fig.step": "스텝",
    "live.no_plotly": "차트를 불러오지 못했습니다 (plotly.js가 도착하지 않았습니다). 페이지를 새로 고치세요.",
    "live.draw_error": "차트를 그리지 못했습니다:",
    "live.no_stream": "느린 모드: 프레임이 페이지의 기본 연결로 전달됩니다.",
    "live.link_training": ("링크가 요청한 대로 스텝 {step}까지 트레이닝합니다: 최대 {seconds}초, "
                           "그다음은 재생으로 이어 갈 수 있습니다."),
    "live.link_reached": "링크에서 열었습니다: 링크의 설정으로 스텝 {step}까지 트레이닝했습니다.",
    "live.link_stopped": ("스텝 {goal}을 요청하는 링크에서 열었습니다: 서버 시간 {seconds}초 후 스텝 {step}에서 "
                          "트레이닝을 멈췄습니다. 재생을 누르면 거기서부터 이어 갑니다."),
    "live.link_more_ignored": "링크의 매개변수 {count}개가 더 무시되었습니다.",
    "live.paused_for_page": ("트레이닝이 화면에 있던 프레임인 스텝 {step}에서 일시 정지되었습니다. "
                             "재생을 누르면 거기서부터 이어 갑니다."),
    # --- lecture pages: shared ---
    "nav.train": "트레이닝",
    "nav.lecture": "강의 실습",
    "language": "언어",
    "present.switch": "발표 모드",
    "present.menu": "☰ 페이지",
    "present.help": (
        "프로젝터용: 사이드바 없이 모두 크게 보이고, n1, α, 활성화 함수, 초기화 설정이 페이지 안에 나옵니다"
    ),
    "page.equations": "공식",
    "page.initialisation": "초기화",
    "page.gradient_check": "기울기 검사",
    "page.hidden_units": "숨겨진 유닛",
    "page.hidden_layer_size": "숨겨진 레이어 크기",
    # --- page: equations ---
    "eq.intro": (
        "강의의 전 방향전파 (순전파) 공식 4개와 후 방향전파 (역전파) 공식 6개를 이 세션의 신경망으로 계산합니다. 각 "
        "공식 아래에는 모든 항의 차원과 지금 값의 범위가 나옵니다. 플레이그라운드에서 트레이닝하거나 사이드바에서 "
        "n1이나 데이터를 바꾸면 차원과 숫자도 따라 바뀝니다."
    ),
    "eq.network": (
        "숨겨진 유닛 n1 = **{n1}**개, 트레이닝 예시 m = **{m}**개 (예시 하나가 한 열), g1 = {activation}, 스텝 {step}."
    ),
    "eq.forward": "전 방향전파",
    "eq.backward": "후 방향전파",
    "eq.term": ":gray-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.term.result": ":blue-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.summary": "최소 {min}  ·  평균 {mean}  ·  최대 {max}",
    "eq.example.section": "트레이닝 예시 하나가 공식을 거치는 과정",
    "eq.example.intro": (
        "위의 공식은 트레이닝 세트에 걸쳐 벡터화되어 있습니다: 모든 (·, m) 매트릭스에서 i번째 열은 예시 i에만 "
        "속합니다. 인덱스로 고르거나 점을 클릭해 고르세요."
    ),
    "eq.example.index": "예시 i",
    "eq.example.help": "어느 트레이닝 예시인지 (X의 한 열). 그림에서 점을 클릭해도 고를 수 있습니다",
    "eq.example.fig.title": "트레이닝 예시: 하나를 클릭하세요",
    "eq.example.fig.example": "예시",
    "eq.example.fig.selected": "선택됨",
    "eq.example.col.unit": "유닛",
    "eq.example.cut": "숨겨진 유닛 {n1}개 중 {shown}개를 보여 줍니다. 아래 표에는 모두 있습니다.",
    "eq.example.table": "예시 {i}에 대한 모든 숨겨진 유닛의 값",
    "eq.keepdims.section": "왜 keepdims=True인가",
    "eq.keepdims.intro": (
        "db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True). keepdims가 없으면 numpy는 rank 1 배열을 돌려주고, 업데이트 b1 "
        ":= b1 − α db1은 ({n1}, 1) 열 벡터 b1을 그것과 아무 경고 없이 브로드캐스트합니다: 모든 b1[i]에서 모든 db1[j]를 "
        "빼는 것입니다. α = {alpha}로 지금 계산한 결과:"
    ),
    "eq.keepdims.without": "keepdims 없이",
    "eq.keepdims.with": "keepdims=True로",
    "eq.keepdims.code_without": (
        "db1 = np.sum(dZ1, axis=1) / m\n# db1.shape == {shape}\nb1 = b1 - alpha * db1\n# b1.shape == {result}"
    ),
    "eq.keepdims.code_with": (
        "db1 = np.sum(dZ1, axis=1, keepdims=True) / m\n# db1.shape == {shape}\nb1 = b1 - alpha * db1\n# b1.shape == "
        "{result}"
    ),
    "eq.keepdims.cut": "{n1}개 중 {shown}개의 행과 열을 보여 줍니다.",
    "eq.keepdims.wrong": (
        "b1이 {right} 열 벡터가 아니라 {result} 매트릭스가 되었습니다: 대각선에서만 맞습니다. 그러면 "
        "다음 전 방향전파가 멈춥니다: Z1 = W1 X + b1에서 {wx}인 W1 X와 {result}인 b1은 브로드캐스트할 수 없어 "
        "numpy가 오류를 냅니다: `ValueError: {error}`."
    ),
    "eq.keepdims.wrong_silent": (
        "b1이 {right} 열 벡터가 아니라 {result} 매트릭스가 되었습니다: 대각선에서만 맞습니다. 오류는 나지 "
        "않습니다: W1 X도 {wx}이므로 (m = n1) 다음 전 방향전파는 둘을 원소별로 더하고, 열 j에서는 모든 유닛의 "
        "편향에서 각 유닛 자신의 α db1[i]가 아니라 α db1[j]를 뺍니다."
    ),
    "eq.keepdims.right": "b1은 {right} 열 벡터로 유지됩니다: 강의의 업데이트입니다.",
    "eq.keepdims.one_unit": (
        "n1 = 1이면 둘은 같습니다 ((1,)과 (1, 1)은 (1, 1)로 브로드캐스트됩니다): 이 실수는 숨겨진 유닛이 두 개 이상일 "
        "때만 드러납니다. 사이드바에서 n1을 늘려 확인해 보세요."
    ),
    # --- page: gradient check ---
    "gc.intro": (
        "후 방향전파 (역전파)가 맞을까요? 후 방향전파 공식 6개로 구한 각 파라미터의 기울기를 비용함수 J의 중심 차분 "
        "(J(θ + ε) − J(θ − ε)) / 2ε과 원소별로 비교합니다. 대상은 이 세션의 신경망입니다. 일부러 틀린 후 방향전파를 "
        "골라 검사가 잡아내는지 보세요."
    ),
    "gc.network": (
        "숨겨진 유닛 n1 = **{n1}**개, 트레이닝 예시 m = **{m}**개, g1 = {activation}, 스텝 {step}; ε = {eps}, 허용 "
        "오차 {tolerance}."
    ),
    "gc.variant": "검사할 후 방향전파",
    "gc.help.variant": "강의의 공식, 또는 그중 하나를 흔한 실수로 잘못 쓴 것",
    "gc.variant.correct": "강의의 공식 6개 (올바름)",
    "gc.variant.one_minus_a": "틀림: g1′를 1 − A1로 씀",
    "gc.variant.no_one_over_m": "틀림: dW2와 db2에서 1/m 빠짐",
    "gc.variant.no_g_prime": "틀림: g1′ 빠짐",
    "gc.variant.sign": "틀림: dZ2 = Y − A2",
    "gc.variant.db1_no_keepdims": "틀림: db1에 keepdims 없음",
    "gc.mistake.correct": "실수 없음: 강의의 공식 6개입니다.",
    "gc.mistake.one_minus_a": (
        "실수: g1′(Z1)을 1 − A1로 썼습니다. tanh′ = 1 − A1²에서 제곱을 빠뜨린 것입니다. g1 = {activation}의 "
        "g1′(Z1)은 {derivative}이므로 dZ1이 틀립니다."
    ),
    "gc.mistake.no_one_over_m": "실수: dW2 = dZ2 A1ᵀ, db2 = Σ dZ2에서 1/m이 빠져 값이 m배로 커집니다.",
    "gc.mistake.no_g_prime": (
        "실수: dZ1 = W2ᵀ dZ2에서 인수 * g1′(Z1)이 빠졌습니다 (g1′ = 1인 선형 활성화 함수에서만 맞습니다)."
    ),
    "gc.mistake.sign": "실수: dZ2의 부호가 뒤집혀 모든 기울기가 오르막을 가리킵니다.",
    "gc.mistake.db1_no_keepdims": (
        "실수: db1 = np.sum(dZ1, axis=1) / m은 (n1, 1) 열 벡터가 아니라 rank 1인 (n1,) 배열입니다."
    ),
    "gc.pass": "통과: W1, b1, W2, b2 모두 후 방향전파와 중심 차분이 일치합니다 (최대 상대 오차 {worst}).",
    "gc.fail": "실패: {params}에서 후 방향전파와 중심 차분이 일치하지 않습니다.",
    "gc.expected": "이 실수로 틀어질 것으로 예상되는 파라미터: {params}.",
    "gc.wrong_passes.w2_zero": (
        "이 틀린 후 방향전파는 지금 신경망에서는 통과합니다: W2 = 0이므로 g1′을 무엇으로 쓰든 "
        "dZ1 = W2ᵀ dZ2 * g1′(Z1)은 0이고, dW1과 db1도 맞게 나옵니다."
    ),
    "gc.wrong_passes.g_prime_one": (
        "이 틀린 후 방향전파는 지금 신경망에서는 통과합니다: 여기서는 g1′(Z1)이 모든 원소에서 1이므로 (선형 활성화 "
        "함수에서는 항상, ReLU에서는 모든 유닛이 모든 예시에서 활성일 때) 빼도 달라지는 것이 없습니다."
    ),
    "gc.wrong_passes.zero": (
        "이 틀린 후 방향전파는 지금 신경망에서는 통과합니다: 이 실수가 바꾸는 기울기가 여기서는 0이거나, 중심 차분으로 "
        "0과 구별할 수 없을 만큼 작습니다 (두 클래스의 예시 수가 같을 때 가중치가 모두 0인 신경망, 또는 수렴한 "
        "신경망). 0은 부호를 바꾸거나 m을 곱해도 0입니다."
    ),
    "gc.wrong_passes.same": (
        "이 틀린 후 방향전파는 지금 신경망에서는 통과합니다: 여기서는 이 실수가 우연히 강의의 공식과 같은 기울기를 "
        "줍니다."
    ),
    "gc.near_kink": (
        "0에 있는 꺾인 점에서 ε 이내에 있는 Z1 원소 수: {n}. 그곳에서는 중심 차분이 꺾인 점을 가로질러 후 방향전파의 "
        "한쪽 미분값과 어긋나므로, W1이나 b1의 실패는 후 방향전파가 아니라 검사 탓입니다 (아래 ReLU의 꺾인 점 참고)."
    ),
    "gc.rounding": (
        "너무 작아서 {tolerance}의 정밀도로는 잴 수 없는 기울기 (‖a‖ + ‖n‖ < 하한): {below}. a는 후 방향전파로, "
        "n은 중심 차분으로 구한 기울기입니다. ‖a‖ + ‖n‖이 하한보다 작으면 J의 반올림 오차만으로도 n이 "
        "‖a‖ + ‖n‖의 {tolerance}배 넘게 달라질 수 있으므로, 이런 기울기의 상대 오차는 ‖a − n‖ / (‖a‖ + ‖n‖) 대신 "
        "‖a − n‖ / 하한으로 구합니다."
    ),
    "gc.shape": (
        "{param}: 파라미터의 차원은 {want}이지만 후 방향전파가 준 차원은 {got}입니다. 둘을 빼면 브로드캐스트되어 "
        "매트릭스가 되고, 업데이트 {param} := {param} − α d{param}도 마찬가지입니다."
    ),
    "gc.col.param": "파라미터",
    "gc.col.shape": "차원 (후 방향전파)",
    "gc.col.analytic": "후 방향전파 기울기 ‖a‖",
    "gc.col.numerical": "중심 차분 기울기 ‖n‖",
    "gc.col.error": "상대 오차",
    "gc.col.result": "결과",
    "gc.ok": "✓ 통과",
    "gc.bad": "✗ 실패",
    "gc.fig.title": "상대 오차 ‖a − n‖ / (‖a‖ + ‖n‖)",
    "gc.fig.y": "상대 오차",
    "gc.fig.tolerance": "허용 오차 {tolerance}",
    "gc.fig.zero": "0",
    "gc.fig.shape": "차원 틀림",
    "gc.overview": "이 신경망에서 검사한 모든 후 방향전파",
    "gc.overview.caption": "각 후 방향전파가 어느 기울기를 틀리는지, 같은 중심 차분과 비교해 검사한 결과입니다.",
    "gc.col.variant": "후 방향전파",
    "gc.kink.section": "ReLU의 꺾인 점: 검사 자체가 틀릴 때",
    "gc.kink.explain": (
        "ReLU는 z = 0에서 미분할 수 없습니다. 여기서 후 방향전파는 relu′(0) = 0, 즉 왼쪽에서의 기울기를 씁니다. 꺾인 "
        "점을 가로지르는 중심 차분은 대신 (relu(ε) − relu(−ε)) / 2ε = 1/2을 잽니다. 그래서 활성화 전 값이 0에서 ε "
        "이내에 있는 곳에서는 후 방향전파가 맞는데도 둘이 허용 오차보다 훨씬 크게 어긋납니다. 아래에서는 세션의 "
        "가중치를 ReLU로 두 번 실행합니다: 한 번은 그대로, 한 번은 유닛 {unit}에서 예시 {example}의 z1이 꺾인 점에 "
        "오도록 b1[{unit}]을 옮긴 뒤에 실행합니다."
    ),
    "gc.kink.case": (
        "유닛 {unit}, 예시 {example}: 옮긴 뒤 z1 = {z}. 꺾인 점에 닿을 만큼 가까운 Z1 원소: 옮기기 전 {before}개, 옮긴 "
        "뒤 {near}개."
    ),
    "gc.kink.before": "트레이닝된 그대로 (ReLU)",
    "gc.kink.at": "꺾인 점에서",
    "gc.kink.result_pass": "여기서는 꺾인 점에서도 검사가 통과합니다 (이 예시는 비용에 거의 영향을 주지 않습니다).",
    "gc.kink.result_fail": "꺾인 점에서는 똑같이 올바른 후 방향전파인데도 {params}에서 검사가 실패합니다.",
    "gc.kink.no_w2": (
        "W2의 가중치가 모두 0입니다 (0으로 초기화): 어느 숨겨진 유닛도 비용에 영향을 주지 않으므로 꺾인 점이 드러날 수 "
        "없습니다. 사이드바에서 임의 초기화를 고르세요."
    ),
    "gc.kink.fig.title": "0 근처의 ReLU, z는 ε 단위",
    "gc.kink.fig.z": "z",
    "gc.kink.fig.relu": "relu(z)",
    "gc.kink.fig.secant": "중심 차분: 기울기 1/2",
    "gc.kink.fig.backprop": "후 방향전파: relu′(0) = 0",
    # --- page: initialisation ---
    "initialisation.intro": (
        "가중치를 왜 작은 임의의 값으로 시작할까요? 아래 두 실험은 세션의 데이터와 설정 (n1, g1, α)으로 신경망을 "
        "추가로 트레이닝하며, 가중치의 시작값만 바꿉니다."
    ),
    "initialisation.section.symmetry": "모두 0 대 작은 임의 가중치",
    "initialisation.symmetry.explain": (
        "가중치가 0이면 모든 숨겨진 유닛이 입력에 대해 같은 함수를 계산하므로 모두 같은 기울기를 받고, 기울기 강하는 "
        "이들을 계속 똑같이 유지합니다: W1의 행들이 계속 같아서 n1개의 유닛이 유닛 하나 이상의 일을 하지 못합니다. "
        "작은 임의 가중치가 이 대칭을 깨뜨립니다."
    ),
    "initialisation.steps": "기울기 강하 스텝 수",
    "initialisation.help.steps": "두 신경망 모두 같은 데이터에서 이 스텝 수만큼 트레이닝합니다",
    "initialisation.capped": (
        "이 신경망은 큽니다 (n1 = {n1}, m = {m}): 페이지가 몇 초 안에 응답하도록 각 실행은 {asked} 스텝 대신 {steps} "
        "스텝만 트레이닝합니다."
    ),
    "initialisation.progress.compare": "모두 0과 임의 가중치 트레이닝 중: {total} 스텝 중 {done} 스텝",
    "initialisation.run.zeros": "모두 0",
    "initialisation.run.random": "임의 × {scale}",
    "initialisation.panel": "{run}, {steps} 스텝 후",
    "initialisation.metric.spread": "W1 행 사이의 차이",
    "initialisation.help.spread": (
        "입력별로 본 W1의 두 행 사이의 가장 큰 차이: 모든 숨겨진 유닛의 가중치가 같아 대칭이 깨지지 않았으면 0"
    ),
    "initialisation.metric.acc": "정확도, 트레이닝",
    "initialisation.metric.cost": "비용함수 J, 트레이닝",
    "initialisation.one_unit": (
        "n1 = 1이면 비교할 W1의 두 행이 없습니다: 행 사이의 차이는 둘 다 0입니다. "
        "사이드바에서 숨겨진 유닛 수를 늘리세요."
    ),
    "initialisation.zeros_stay_zero": (
        "{activation}에서는 g1(0) = 0입니다: 모두 0에서 시작하면 A1 = 0, W2 = 0이므로 dW1 = 0이고 W1은 전혀 움직이지 "
        "않습니다. 시그모이드는 g1(0) = 1/2이어서, 클래스의 점 수가 다르면 행들이 모두 함께 움직입니다."
    ),
    "initialisation.zeros_balanced": (
        "시그모이드에서는 g1(0) = 1/2이지만, 모두 0에서 시작하면 여기서도 아무것도 움직이지 않습니다: 모든 예시에서 "
        "a2 = 1/2이므로, 두 클래스의 점 수가 같은 트레이닝 세트 (지금의 세트)에서는 dZ2 = 1/2 - y의 합이 0이 되어 "
        "dW2 = db2 = 0, 그다음 dW1 = 0입니다. 모두 0인 신경망은 정류점입니다. 클래스 수가 다르면 W2가 먼저 "
        "움직이고, 그다음 W1의 행들이 모두 함께 움직입니다."
    ),
    "initialisation.diverged": (
        "{run}: 스텝 {step}에서 트레이닝이 멈췄습니다: {quantity} 값이 무한대 또는 NaN이 되었습니다 (α = {alpha}). "
        "값이 유한했던 마지막 신경망을 보여 줍니다."
    ),
    "initialisation.fig.rows": "{run}: W1의 행들",
    "initialisation.fig.unit": "유닛 {i}",
    "initialisation.fig.input0": "W1[i, 0]",
    "initialisation.fig.input1": "W1[i, 1]",
    "initialisation.fig.value": "가중치",
    "initialisation.section.scale": "초기 스케일: 큰 가중치와 g1의 도함수",
    "initialisation.scale.explain.tanh": (
        "초기 가중치가 크면 |Z1|이 커지는데, 그곳에서 tanh는 평평합니다: 도함수 g1′(Z1) = 1 − A1²가 0에 가까워 "
        "숨겨진 레이어를 지나는 기울기가 거의 사라지고 트레이닝이 느려집니다. 작은 가중치는 Z1을 0 근처에 두어 "
        "도함수가 1에 가깝습니다."
    ),
    "initialisation.scale.explain.sigmoid": (
        "초기 가중치가 크면 |Z1|이 커지는데, 그곳에서 시그모이드는 평평합니다: 도함수 g1′(Z1) = A1 (1 − A1)이 0에 "
        "가까워 숨겨진 레이어를 지나는 기울기가 거의 사라지고 트레이닝이 느려집니다. 작은 가중치는 Z1을 0 근처에 "
        "두는데, 그곳의 도함수가 가장 크지만 그래도 1/4입니다."
    ),
    "initialisation.scale.explain.relu": (
        "ReLU는 |Z1|이 커져도 평평해지지 않습니다: 도함수 g1′(Z1)은 스케일과 상관없이 Z1 > 0인 곳에서 1, 그 밖에서는 "
        "0이므로, 초기 가중치가 커도 숨겨진 레이어를 지나는 기울기가 사라지지 않습니다. 대신 Z2가 커집니다: 스케일이 "
        "클수록 출력의 시그모이드가 더 포화된 채로 시작해 많은 예시를 자신 있게 틀리고, 첫 비용이 높아집니다."
    ),
    "initialisation.scale.explain.leaky_relu": (
        "leaky ReLU는 |Z1|이 커져도 평평해지지 않습니다: 도함수 g1′(Z1)은 스케일과 상관없이 Z1 > 0인 곳에서 1, 그 "
        "밖에서는 0.01이므로, 초기 가중치가 커도 숨겨진 레이어를 지나는 기울기가 사라지지 않습니다. 대신 Z2가 "
        "커집니다: 스케일이 클수록 출력의 시그모이드가 더 포화된 채로 시작해 많은 예시를 자신 있게 틀리고, 첫 비용이 "
        "높아집니다."
    ),
    "initialisation.scale.explain.linear": (
        "선형 활성화 함수는 평평해지지 않습니다: 도함수 g1′(Z1)은 스케일과 상관없이 1이므로, 초기 가중치가 커도 숨겨진 "
        "레이어를 지나는 기울기가 사라지지 않습니다. 대신 Z2가 커집니다: 스케일이 클수록 출력의 시그모이드가 더 포화된 "
        "채로 시작해 많은 예시를 자신 있게 틀리고, 첫 비용이 높아집니다."
    ),
    "initialisation.scale": "이 페이지에서 시험할 스케일",
    "initialisation.help.scale": (
        "이 섹션의 신경망에만 쓰는 초기 스케일입니다: W1, W2 = 스케일 × N(0, 1), b1, b2 = 0. 아래 비용 곡선에는 "
        "스케일 0.01, 0.1, 1, 10도 함께 나옵니다. 사이드바의 “{setting}” (지금 {value})은 다른 설정으로, "
        "플레이그라운드의 신경망과 위의 임의 가중치를 정합니다."
    ),
    "initialisation.progress.scale": "스케일마다 신경망 하나씩 트레이닝 중: {total} 스텝 중 {done} 스텝",
    "initialisation.no_saturation": (
        "{activation} 함수는 포화되지 않습니다: 스케일이 어떻든 |Z1|이 커져도 도함수 g1'(Z1)이 0으로 떨어지지 "
        "않습니다. 포화를 보려면 사이드바에서 tanh나 시그모이드를 고르세요."
    ),
    "initialisation.metric.mean_dg": "초기화 시 평균 g1'(Z1)",
    "initialisation.metric.cost0": "스텝 0의 비용함수 J",
    "initialisation.metric.cost_end": "{steps} 스텝 후 비용함수 J",
    "initialisation.fig.dg": "초기화 시 g1'(Z1), 스케일 {scale}",
    "initialisation.fig.dg.x": "g1'(Z1), 유닛과 예시마다 원소 하나",
    "initialisation.fig.dg.y": "원소 비율 (%)",
    "initialisation.fig.dg.mean": "평균 {mean:.3f}",
    "initialisation.fig.costs": "초기 스케일별, 스텝별 비용함수 J",
    "initialisation.fig.scale": "스케일 {scale}",
    "initialisation.fig.scale_stopped": "스케일 {scale} (스텝 {step}에서 멈춤)",
    # --- page: hidden units ---
    "hidden_units.intro": (
        "세션의 신경망에서 각 숨겨진 유닛 (은닉 유닛)이 무엇을 계산하고, 출력이 그것들을 어떻게 합치는지 보여 줍니다. "
        "사이드바에서 n1이나 데이터 세트를 바꾸고 플레이그라운드에서 트레이닝하세요: 이 페이지는 신경망을 지금 상태 "
        "그대로 보여 줍니다."
    ),
    "hidden_units.why": (
        "각 숨겨진 유닛은 직선 W1[i]·x + b1[i] = 0 하나를 긋고, 출력은 유닛들의 활성화 값을 W2로 가중해 더합니다. "
        "그래서 출력의 경계는 이 n1개의 직선을 이어 붙여 만들어집니다. 꽃의 꽃잎은 중심을 둘러 두 클래스가 번갈아 "
        "나옵니다: 직선 하나로는 양쪽 모두에 두 클래스의 꽃잎이 남고 (강의 과제에서 67.5 %), 유닛 두 개는 그 "
        "직선들이 만드는 네 구역 중 하나만 떼어 낼 수 있을 뿐 마주 보는 두 구역은 떼어 내지 못합니다 (67.25 %). "
        "중심을 지나는 직선 세 개는 여섯 구역을 만들고, 출력은 꽃잎을 따라 이 구역들에 클래스를 번갈아 줄 수 있습니다 "
        "(n1 = 3에서 90.75 %)."
    ),
    "hidden_units.network": (
        "{dataset} 데이터로 {step} 스텝 트레이닝한 신경망입니다: 숨겨진 유닛 n1 = {n1}개, g1 = {activation}."
    ),
    "hidden_units.untrained.random": (
        "이 신경망은 아직 트레이닝되지 않았습니다: 가중치가 아직 임의의 시작값 그대로입니다 (W1, W2 = {scale} × "
        "N(0, 1), b1 = b2 = 0). 플레이그라운드에서 트레이닝한 뒤 다시 오세요."
    ),
    "hidden_units.untrained.zeros": (
        "이 신경망은 아직 트레이닝되지 않았고, 모두 0에서 시작합니다: W1, b1, W2, b2가 모두 0이라 모든 유닛이 평면 "
        "전체에서 같은 값 (g1(0) = {value})을 내고 직선을 긋지 않습니다. 트레이닝해도 유닛들은 서로 구별되지 "
        "않습니다: 0으로 초기화하면 대칭이 깨지지 않습니다."
    ),
    "hidden_units.section.units": "평면 위의 각 숨겨진 유닛",
    "hidden_units.units.explain": (
        "평면 위의 a1[i]를 유닛마다 패널 하나씩, 같은 색 스케일로 보여 줍니다: 유닛이 g1(0)보다 큰 곳은 초록색, 작은 "
        "곳은 보라색이며, 점선은 W1[i]·x + b1[i] = 0입니다. 패널 제목에는 출력이 그 유닛에 주는 가중치 W2[i]가 "
        "나옵니다."
    ),
    "hidden_units.capped": "숨겨진 유닛 {n1}개 중 처음 {shown}개를 보여 줍니다. 직선과 다이어그램에는 모두 나옵니다.",
    "hidden_units.no_line": "유닛 {units}의 직선이 보이지 않습니다: W1[i]가 0이거나 직선이 표시된 평면 밖에 있습니다.",
    "hidden_units.section.lines": "W2로 가중한 직선들과 신경망",
    "hidden_units.fig.unit": "유닛 {i} · W2 = {w2}",
    "hidden_units.fig.value": "a1",
    "hidden_units.fig.unit_line": "W1[i]·x + b1[i] = 0",
    "hidden_units.fig.class0": "클래스 0",
    "hidden_units.fig.class1": "클래스 1",
    "hidden_units.fig.lines": "각 유닛의 직선과 가중치 W2[i]",
    "hidden_units.lines.explain": (
        "왼쪽: 데이터 위에 그린 각 유닛의 직선 W1[i]·x + b1[i] = 0. W2[i] > 0이면 초록색, W2[i] < 0이면 보라색이고, "
        "|W2[i]|가 클수록 굵으며, 신경망의 경계 ŷ = 0.5는 점선입니다. 오른쪽: 신경망. 모든 가중치와 편향이 선 "
        "하나이며, 부호에 따라 색이 정해지고 크기만큼 굵습니다. 선 위에 마우스를 올리면 값이 나옵니다."
    ),
    "hidden_units.fig.line": "유닛 {i}: W2 = {w2}",
    "hidden_units.fig.boundary": "신경망의 경계 ŷ = 0.5",
    "hidden_units.fig.diagram": "신경망: 입력 2개, 숨겨진 유닛 n1개, 출력 1개",
    "hidden_units.fig.positive": "양수",
    "hidden_units.fig.negative": "음수",
    "hidden_units.fig.zero": "0",
    "hidden_units.fig.bias": "편향 입력 1",
    "hidden_units.fig.node": "{label}",
    # --- page: hidden-layer size ---
    "size.intro": (
        "데이터에 숨겨진 유닛 (은닉 유닛)이 몇 개나 필요할까요? 아래의 각 n1을 세션의 데이터와 그 활성화 함수, α, "
        "초기화로 같은 스텝 수만큼 트레이닝하고, 로지스틱 회귀 (숨겨진 레이어가 아예 없음)와 나란히 보여 줍니다. 과제 "
        "버튼은 강의 과제의 표를 그대로 재현합니다."
    ),
    "size.section.sweep": "숨겨진 유닛 수에 따른 정확도",
    "size.sizes": "숨겨진 레이어 크기 n1",
    "size.help.sizes": "각 크기는 같은 데이터에서 각자의 작은 임의 시작값으로부터 트레이닝합니다",
    "size.steps": "크기마다 스텝 수",
    "size.button.train": "크기별로 트레이닝",
    "size.help.train": "현재 데이터와 설정으로 각 n1을 트레이닝합니다",
    "size.button.assignment": "과제",
    "size.help.assignment": (
        "강의 과제를 재현합니다: 꽃 데이터, 400개 점 전부 트레이닝용, tanh, α = 1.2, n1 = 1부터 5까지와 20, 50에 대해 "
        "5,000 스텝"
    ),
    "size.no_sizes": "트레이닝할 숨겨진 레이어 크기를 하나 이상 고르세요.",
    "size.what.sweep": "이 크기와 스텝 수",
    "size.what.alphas": "이 러닝속도와 스텝 수",
    "size.too_much": (
        "작업량이 너무 많습니다: {what}대로 트레이닝하면 숨겨진 유닛 × 예시 × 스텝이 {work}에 이르러, 페이지가 몇 초 "
        "안에 응답하도록 정한 한도인 {limit}보다 많습니다. 스텝 수를 줄이거나, 크기를 더 적게 또는 더 작게 하거나, "
        "예시 수 m을 줄이세요."
    ),
    "size.progress": "트레이닝 중: {total} 스텝 중 {done} 스텝",
    "size.caption.sweep": (
        "n1 = {sizes}, 각각 {steps} 스텝, {dataset}에서 (m = {m}, 테스트 비율 {test}), {activation}, α = {alpha}, "
        "{init} 초기화."
    ),
    "size.caption.assignment": (
        "강의 과제 재현: 꽃 데이터 (m = 400, 시드 1, 전부 트레이닝용), 과제의 초기 가중치, tanh, α = 1.2, n1마다 "
        "{steps} 스텝. “과제 결과”는 과제 자체의 표입니다."
    ),
    "size.stale": (
        "이 결과는 현재와 다른 설정의 것입니다: 그 뒤로 {what} 설정이 바뀌었습니다. 현재 설정으로 "
        "트레이닝하려면 “크기별로 트레이닝”을 누르세요."
    ),
    "size.matches": "재현 성공: 과제에 나온 정확도와 모두 정확히 일치합니다.",
    "size.mismatch": "n1 = {n1s}에서 과제에 나온 정확도와 다릅니다.",
    "size.diverged": (
        "n1 = {n1s}에서 트레이닝이 멈췄습니다: 비용이나 기울기가 무한대 또는 NaN이 되어 값이 유한했던 마지막 신경망을 "
        "보여 줍니다. α를 낮추세요."
    ),
    "size.col.model": "모델",
    "size.row.n1": "n1 = {n1}",
    "size.row.baseline": "로지스틱 회귀",
    "size.col.train": "트레이닝 (%)",
    "size.col.test": "테스트 (%)",
    "size.col.published": "과제 결과 (%)",
    "size.col.cost": "비용함수 J",
    "size.help.col.train": "트레이닝 세트에 대한 정확도 (%)",
    "size.help.col.test": "테스트 세트에 대한 정확도 (%)",
    "size.help.col.published": "강의 과제가 출력하는 트레이닝 정확도",
    "size.help.col.cost": "마지막 스텝 후 트레이닝 세트에 대한 비용함수 J",
    "size.help.col.steps": "트레이닝한 스텝 수 (트레이닝이 멈췄으면 더 적음)",
    "size.col.steps": "스텝",
    "size.boundaries": "결정 경계",
    "size.panel": "<b>n1 = {n1}</b><br>{train} %",
    "size.panel.test": "<b>n1 = {n1}</b><br>{train} % / {test} %",
    "size.panel.baseline": "<b>로지스틱 회귀</b><br>{train} %",
    "size.panel.baseline.test": "<b>로지스틱 회귀</b><br>{train} % / {test} %",
    "size.panels.caption": "각 패널: 평면 위의 ŷ = A2, 그 0.5 선, 정확도 (트레이닝 / 테스트).",
    "size.fig.accuracy": "n1에 따른 정확도",
    "size.fig.n1": "숨겨진 유닛 n1",
    "size.fig.acc": "정확도",
    "size.fig.train": "트레이닝",
    "size.fig.test": "테스트",
    "size.fig.published": "과제 결과",
    "size.fig.baseline_train": "로지스틱 회귀, 트레이닝",
    "size.fig.baseline_test": "로지스틱 회귀, 테스트",
    "size.section.alpha": "같은 시작점에서 여러 러닝속도",
    "size.alpha.intro": (
        "세션의 데이터와 신경망에서, 같은 초기 가중치로 여러 러닝속도 (학습률) α를 비교합니다: 너무 작으면 비용이 거의 "
        "움직이지 않고, 너무 크면 최솟값을 지나치거나 진동하거나 발산합니다."
    ),
    "size.alphas": "러닝속도 α",
    "size.alpha_steps": "α마다 스텝 수",
    "size.button.alphas": "α별로 트레이닝",
    "size.help.alphas": "현재 신경망을 초기 가중치에서부터 α마다 한 번씩 트레이닝합니다",
    "size.no_alphas": "러닝속도를 하나 이상 고르세요.",
    "size.alpha.log": "비용함수를 로그 스케일로",
    "size.caption.alphas": (
        "α = {alphas}, 같은 초기 가중치에서 각각 {steps} 스텝: n1 = {n1}, {activation}, {dataset}에서 (m = {m}), "
        "{init} 초기화."
    ),
    "size.alpha.stale": (
        "이 곡선은 현재와 다른 설정의 것입니다: 그 뒤로 {what} 설정이 바뀌었습니다. 현재 설정으로 "
        "트레이닝하려면 “α별로 트레이닝”을 누르세요."
    ),
    "size.fig.alphas": "스텝별 비용함수 J, α마다 곡선 하나",
    "size.fig.alpha": "α = {alpha}",
    "size.fig.alpha_diverged": "α = {alpha} (스텝 {step}에서 멈춤)",
    # --- share, save and your own data ---
    "exchange.title": "공유, 저장, 내 데이터",
    "share.link": "이 페이지의 링크: 어디서 열든 같은 설정, 데이터, 초기 가중치, 스텝",
    "share.opened": "링크에서 열었습니다: 링크의 설정으로 스텝 {step}까지 트레이닝했습니다.",
    "share.training": "링크가 요청한 대로 스텝 {step}까지 트레이닝 중",
    "share.ignored": "링크의 {name} = {value} 값은 무시되었습니다 ({reason}). 기본값을 사용합니다.",
    "share.unknown": "링크의 {name} = {value} 값은 무시되었습니다: {reason}.",
    "download.params": "파라미터 (JSON)",
    "download.history": "기록 (CSV)",
    "download.data": "데이터 (CSV)",
    "download.png": "경계 (PNG)",
    # --- the animation for slides (share panel, plots/animation.py, the command line) ---
    "export.title": "슬라이드용 애니메이션",
    "export.caption": "결정 경계와 그 옆의 비용을 스텝 {start}부터 화면의 스텝 {step}까지 보여 줍니다.",
    "export.seconds": "길이 (초)",
    "export.size": "크기 (픽셀)",
    "export.format": "형식",
    "export.spacing": "프레임",
    "export.spacing.early": "초반에 더 촘촘히",
    "export.spacing.even": "전체에 고르게",
    "export.help.spacing": "초반에 비용이 가장 빨리 줄고 결정 경계가 가장 많이 움직입니다: 그곳에 프레임을 더 씁니다",
    "export.make": "애니메이션 만들기",
    "export.cost": "서버 시간 약 {seconds}초: {steps} 스텝을 다시 트레이닝하고 프레임 {frames}개를 그립니다.",
    "export.too_big.train": (
        "작업량이 너무 많습니다: 이 {steps} 스텝을 다시 트레이닝하면 (n1 = {n1}, m = {m}) 서버 시간이 약 {seconds}초 "
        "걸려, 허용된 {limit}초를 넘습니다. 초기화한 뒤 더 적은 스텝을 트레이닝하거나, 명령줄로 만드세요 "
        "(shallownet train … --gif 파일)."
    ),
    "export.too_big.frames": (
        "작업량이 너무 많습니다: {size} 픽셀 프레임 {frames}개를 그리면 서버 시간이 약 {seconds}초 걸려, 허용된 "
        "{limit}초를 넘습니다. 더 작은 크기나 더 짧은 길이를 고르세요."
    ),
    "export.first_step": "트레이닝이 첫 스텝 (스텝 {step})에 있습니다: 몇 스텝 트레이닝한 뒤 애니메이션을 만드세요.",
    "export.no_mp4": "MP4에는 이 서버에 없는 PyAV (pip install av)가 필요합니다. GIF는 어디서나 됩니다.",
    "export.busy": "지금 이 서버에서 다른 애니메이션을 만들고 있습니다. 잠시 뒤에 다시 해 보세요.",
    "export.progress.train": "트레이닝을 다시 하는 중: {percent}%",
    "export.progress.frames": "프레임을 그리는 중: {percent}%",
    "export.made": "{took}초 만에 만들었습니다: 스텝 {start}부터 스텝 {step}까지 {length}초, {bytes}.",
    "export.download": "애니메이션 내려받기 ({format})",
    "export.anim.boundary": "결정 경계: 평면 위의 A2",
    "export.anim.frame": "스텝 {step}     J = {cost}     α = {alpha}",
    "export.anim.settings": "{dataset}, m = {m}, 숨겨진 유닛 n1 = {n1}개, {activation}",
    "upload.params": "파라미터 불러오기 (JSON)",
    "upload.params.help": "여기서 내려받은 파라미터 파일: 그 신경망을 설정과 스텝까지 그대로 불러옵니다",
    "upload.params.bad": "{name} 파일을 불러오지 못했습니다: {problem}. 화면의 신경망은 그대로입니다.",
    "upload.params.own": (
        "{name} 파일은 누군가 직접 만든 점들로 트레이닝되었는데, 그 점들이 여기 없습니다: 먼저 그 점들을 CSV로 "
        "불러오세요."
    ),
    "upload.params.done": "{name} 파일을 불러왔습니다: 스텝 {step}의 신경망입니다.",
    "upload.data": "내 데이터 (x1, x2, 레이블의 CSV)",
    "upload.data.help": "한 줄에 점 하나: x1, x2와 레이블. 첫 줄은 헤더여도 됩니다. 최대 5,000개 점",
    "upload.data.bad": "{name} 파일을 불러오지 못했습니다: {problem}. 화면의 데이터는 그대로입니다.",
    "upload.data.done": "{name} 파일의 점 {m}개로 트레이닝합니다.",
    "upload.data.mapped": "{name} 파일의 점 {m}개로 트레이닝합니다. 레이블은 다음 클래스가 되었습니다: {mapping}.",
    "dataset.own": "내 점들",
    "click.class": "평면을 클릭하면 추가할 점",
    "click.off": "없음 (끄기)",
    "click.class0": "클래스 0 (주황)",
    "click.class1": "클래스 1 (파랑)",
    "click.help": "결정 경계 그림을 클릭하세요: 그 점이 트레이닝 데이터에 추가되고 신경망은 트레이닝을 이어 갑니다",
    "click.undo": "점 되돌리기",
    "click.clear": "내 점 모두 지우기",
    "click.count": "클릭으로 추가한 점: {count}개.",
    # --- preset: course assignment ---
    "preset.section": "프리셋",
    "preset.course_assignment": "강의 과제",
    "preset.help.course_assignment": (
        "강의 과제의 실행을 그대로 재현합니다: 꽃 데이터 (m = 400, 시드 1, 테스트 분할 없음), 과제의 초기 가중치, n1 = "
        "4, tanh, α = 1.2. ×100을 열 번 누르면 스텝 1,000에서 J = 0.2881이 나옵니다 (과제의 출력은 0.288083)."
    ),
    "preset.applied": "프리셋 “{name}”: 그 데이터, 초기 가중치, 설정으로 스텝 0입니다. 재생을 눌러 실행 과정을 보세요.",
    # -- One iteration (pages/one_iteration.py) --
    "page.one_iteration": "한 번의 iteration",
    "iter.intro": (
        "강의의 반복 절차 한 번을 이 세션의 신경망에서 단계별로 봅니다: 전 방향전파, 비용함수, 후 방향전파, 업데이트. "
        "다음을 누르면 진행하고, 마지막 다음은 플레이그라운드의 스텝처럼 업데이트를 적용합니다."
    ),
    "iter.network": "세션의 신경망: 숨겨진 유닛 n1 = {n1}개, 예시 m = {m}개, g1 = {activation}, α = {alpha}, "
                    "스텝 {step}.",
    "iter.back": "이전",
    "iter.next": "다음",
    "iter.apply": "업데이트 → 스텝 {step}",
    "iter.stage_of": "{n}단계 중 {k}단계: {stage}",
    "iter.stage.forward": "전 방향전파",
    "iter.stage.cost": "비용함수 J",
    "iter.stage.backward": "후 방향전파",
    "iter.stage.update": "기울기 강하 업데이트",
    "iter.loop": "강의의 반복 절차",
    "iter.columns": (
        "(n, m) 매트릭스는 예시 {shown}의 열을 보여 줍니다: 처음 "
        "몇 개와, 공식 페이지의 평면에서 고른 예시 {chosen}입니다."
    ),
    "iter.cost_same": "플레이그라운드도 스텝 {step}에서 이 J를 보여 줍니다.",
    "iter.logistic": "이 세 공식은 로지스틱 회귀의 기울기와 같습니다. X 자리에 A1이 들어갑니다:",
    "iter.elementwise": (
        "∗는 element-wise product입니다 (같은 자리의 원소끼리 "
        "곱합니다, 두 (n1, m) 매트릭스). W2ᵀ dZ2는 매트릭스 곱입니다, "
        "(n1, 1) 곱하기 (1, m)."
    ),
    "iter.keepdims.code": (
        "np.sum(dZ1, axis=1).shape                   # {db1_plain}: rank 1 배열\n"
        "np.sum(dZ1, axis=1, keepdims=True).shape    # {db1_keepdims}\n"
        "np.sum(dZ1, axis=1).reshape({n1}, 1).shape  # {db1_reshape}, 강의가 말하는 다른 방법\n"
        "np.sum(dZ2, axis=1).shape                   # {db2_plain}"
    ),
    "iter.keepdims": (
        "axis=1은 각 행을 따라, 즉 m개의 예시에 걸쳐 더합니다. keepdims가 "
        "없으면 db1은 b1의 ({n1}, 1)이 아니라 rank 1 배열 "
        "{db1_plain}입니다. keepdims=True나 .reshape({n1}, 1)이 열 모양을 지켜 줍니다. db2에는 상관이 없습니다: "
        "b2의 (1, 1)에서 {db2_plain}을 빼도 {b2_updated}입니다."
    ),
    "iter.update.alpha": (
        "α = {alpha}, 러닝속도: 각 파라미터가 α 곱하기 그 "
        "기울기만큼 움직입니다. 네 개 모두 같은 전 방향전파와 후 방향전파에서 "
        "나옵니다."
    ),
    "iter.apply_says": "다음 클릭이 이 네 줄을 세션의 신경망에 적용합니다: 플레이그라운드의 스텝처럼, 스텝 {step}으로.",
}
