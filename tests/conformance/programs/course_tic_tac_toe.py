# Course notes: tic-tac-toe with a scripted game and a perfect minimax player.

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board):
    for a, b, c in LINES:
        if board[a] != " " and board[a] == board[b] == board[c]:
            return board[a]
    return "draw" if " " not in board else None


def show(board):
    rows = [" | ".join(board[r * 3:r * 3 + 3]) for r in range(3)]
    print("\n---------\n".join(rows))


def minimax(board, player):
    result = winner(board)
    if result == "X":
        return 1, None
    if result == "O":
        return -1, None
    if result == "draw":
        return 0, None
    best = None
    for move in [i for i, v in enumerate(board) if v == " "]:
        board[move] = player
        score, _ = minimax(board, "O" if player == "X" else "X")
        board[move] = " "
        if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
            best = (score, move)
    return best


board = list("X O  O  X")
print("position:")
show(board)
score, move = minimax(board, "X")
print("X to play: best move", move, "value", score)
board = [" "] * 9
board[4], board[8] = "X", "O"
player = "X"
moves = [("X", 4), ("O", 8)]
while winner(board) is None:
    if player == "X":
        _, move = minimax(board, "X")
    else:
        move = next(i for i in (4, 0, 2, 6, 8, 1, 3, 5, 7) if board[i] == " ")
    board[move] = player
    moves.append((player, move))
    player = "O" if player == "X" else "X"
print(moves)
show(board)
print("result:", winner(board))
